/** Names shared by the light registration (client bundle) and the preview bundle. */
export const PREVIEW_VIEW_TYPE = 'muharrir.preview';
export const TEMPLATE_VIEW_TYPE = 'muharrir.templatePreview';

export const OPEN_PREVIEW_COMMAND = 'muharrir.openPreview';
export const OPEN_PREVIEW_TO_SIDE_COMMAND = 'muharrir.openPreviewToSide';
export const TOGGLE_PREVIEW_LOCK_COMMAND = 'muharrir.togglePreviewLock';
export const PREVIEW_TEMPLATE_COMMAND = 'muharrir.previewTemplate';

/** Context key: the active editor is a news article (the editor-title button and the keybinding). */
export const ARTICLE_CONTEXT_KEY = 'muharrir.isArticle';
