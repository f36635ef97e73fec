/**
 * The slice of the engine the VS Code client bundles: deciding whether a document is an
 * article, so the server starts only when one is open. Kept separate so the client bundle
 * does not pull in the rules.
 */
export { isArticle } from './article';
export { DEFAULT_ARTICLE_GLOBS } from './config';
