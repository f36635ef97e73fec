import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEFAULT_ARTICLE_PATH } from '../../server/src/engine/templates/articlePath';
import { BUILTIN_PREFIXES } from '../../server/src/engine/templates/builtins';
import { firstFreeArticlePath, pickerEntries, type TemplateChoice } from './newArticleModel';
import { showTemplatePreview, type TemplatePreviewHost } from './preview';

export const NEW_ARTICLE_COMMAND = 'muharrir.newArticle';
const PATH_SETTING = 'newArticle.path';

// The server's requests (server/src/lsp/templateCompletion.ts and newArticle.ts), by name: the
// client bundle does not import server modules that pull in the LSP server library.
const TEMPLATES_REQUEST = 'muharrir/templates';
const NEW_ARTICLE_REQUEST = 'muharrir/newArticle';

type NewArticleAnswer = { ok: true; slug: string; path: string; date: string } | { ok: false; message: string };

interface TemplateItem extends vscode.QuickPickItem {
  template?: TemplateChoice;
}

/**
 * `Muharrir: New Article from Template…`: template, headline, (folder), then a new file at
 * `muharrir.newArticle.path` with the template inserted as a snippet, so its tab stops work.
 * The server answers what depends on the newsroom (time zone, slug, packs, author); the client
 * owns the file system and the UI. `ensureClient` starts the server when no article is open yet.
 */
export function registerNewArticleCommand(
  context: vscode.ExtensionContext,
  ensureClient: () => Promise<LanguageClient>,
  templatePreview?: TemplatePreviewHost,
): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_ARTICLE_COMMAND, () => newArticle(ensureClient, templatePreview)));
}

async function newArticle(ensureClient: () => Promise<LanguageClient>, templatePreview?: TemplatePreviewHost): Promise<void> {
  const folder = await chooseFolder();
  if (!folder) return;

  let client: LanguageClient;
  try {
    client = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting Muharrir…') },
      () => ensureClient(),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Muharrir’s language server did not start: {0}', errorText(err)));
    return;
  }

  const listed = await client.sendRequest<{ templates: TemplateChoice[] }>(TEMPLATES_REQUEST, { uri: folder.uri.toString() });
  const template = await pickTemplate(listed.templates ?? [], templatePreview);
  if (!template) return;

  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Article: {0}', template.name),
    prompt: vscode.l10n.t('The headline: it names the file and fills in the title.'),
    placeHolder: vscode.l10n.t('e.g. Riyadh metro opens its fourth line'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Type a headline for the new article.')),
  });
  if (title === undefined || !title.trim()) return;

  const pattern = vscode.workspace.getConfiguration('muharrir', folder.uri).get<string>(PATH_SETTING) || DEFAULT_ARTICLE_PATH;
  const where = await client.sendRequest<NewArticleAnswer>(NEW_ARTICLE_REQUEST, { folderUri: folder.uri.toString(), title, pattern });
  if (!where.ok) {
    await showPathProblem(where.message);
    return;
  }

  const relPath = await firstFreeArticlePath(where.path, (rel) => exists(vscode.Uri.joinPath(folder.uri, ...rel.split('/'))));
  if (!relPath) {
    void vscode.window.showErrorMessage(vscode.l10n.t('There are already too many articles named {0}: choose another headline.', where.path));
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, ...relPath.split('/'));
  // The check above and this write are not atomic; what could slip between them is another
  // writer's article of the same headline in the same millisecond, not worth a lock.
  try {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, new Uint8Array());
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: {1}', relPath, errorText(err)));
    return;
  }

  // Asked again for the file itself: its name (TM_FILENAME) and the headline resolve in the body.
  const resolved = await client.sendRequest<{ templates: TemplateChoice[] }>(TEMPLATES_REQUEST, { uri: target.toString(), title: title.trim() });
  const body = (resolved.templates ?? []).find((t) => t.id === template.id)?.body ?? template.body;
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  const inserted = await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
  if (!inserted) void vscode.window.showWarningMessage(vscode.l10n.t('{0} was created, but the template could not be inserted.', relPath));
}

async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0];
  if (folders.length > 1) {
    return vscode.window.showWorkspaceFolderPick({
      placeHolder: vscode.l10n.t('The workspace folder for the new article'),
      ignoreFocusOut: true,
    });
  }
  const open = vscode.l10n.t('Open Folder…');
  const answer = await vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: a new article is created inside a workspace folder.'), open);
  if (answer === open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
  return undefined;
}

async function pickTemplate(templates: readonly TemplateChoice[], preview?: TemplatePreviewHost): Promise<TemplateChoice | undefined> {
  if (!templates.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Muharrir has no templates to offer.'));
    return undefined;
  }
  const items: TemplateItem[] = pickerEntries(templates, vscode.l10n.t('Built-in')).map((e) =>
    e.kind === 'separator'
      ? { label: e.label, kind: vscode.QuickPickItemKind.Separator }
      : {
          label: e.template.name,
          // The pack's name on the row too: separators vanish while the list is filtered.
          description: [e.template.prefixes.join(' · '), e.template.pack ? `$(package) ${e.template.pack.name}` : ''].filter(Boolean).join('  '),
          detail: e.template.description,
          template: e.template,
        },
  );
  // The highlighted template, rendered beside the picker as readers will see it (the server's
  // `text`: every default filled in); closed again once the writer has chosen.
  const previewWasOpen = preview?.isOpen ?? true;
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New Article from Template'),
    placeHolder: vscode.l10n.t('Choose a template (or type a prefix: {0}, {1}…)', BUILTIN_PREFIXES.report.en, BUILTIN_PREFIXES.report.ar),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
    onDidSelectItem: preview
      ? (item) => {
          const highlighted = typeof item === 'object' ? (item as TemplateItem).template : undefined;
          if (highlighted) showTemplatePreview(preview, highlighted, { preserveFocus: true });
        }
      : undefined,
  });
  if (!previewWasOpen) preview?.close();
  return picked?.template;
}

async function showPathProblem(message: string): Promise<void> {
  const settings = vscode.l10n.t('Open Settings');
  const answer = await vscode.window.showErrorMessage(message, settings);
  if (answer === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `muharrir.${PATH_SETTING}`);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
