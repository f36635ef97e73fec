/**
 * `Muharrir: Preview Template…`: every template the server knows (built-ins and the team's
 * packs, grouped as in the New Article picker), and the highlighted one rendered in the template
 * preview as readers would see it, with its defaults as sample values — before anything is created.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { pickerEntries, type TemplateChoice } from '../newArticleModel';
import type { TemplatePreviewHost } from './index';

/** The server's request (server/src/lsp/templateCompletion.ts), by name: its types stay in the server. */
const TEMPLATES_REQUEST = 'muharrir/templates';

interface TemplateEntry extends TemplateChoice {
  /** The template with every default accepted. */
  text?: string;
}

interface Item extends vscode.QuickPickItem {
  template?: TemplateEntry;
}

/** The file whose folder decides the packs and `.muharrir.yaml`: the active article's, else the first folder's. */
function contextUri(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active)) return active;
  return undefined;
}

export async function pickTemplateToPreview(ensureClient: () => Promise<LanguageClient>, host: TemplatePreviewHost): Promise<void> {
  let client: LanguageClient;
  try {
    client = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting Muharrir…') }, () =>
      ensureClient(),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Muharrir’s language server did not start: {0}', err instanceof Error ? err.message : String(err)),
    );
    return;
  }
  const uri = contextUri();
  const answer = await client.sendRequest<{ templates?: TemplateEntry[] }>(TEMPLATES_REQUEST, uri ? { uri: uri.toString() } : {});
  const templates = answer?.templates ?? [];
  if (!templates.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Muharrir has no templates to offer.'));
    return;
  }

  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Preview Template');
  pick.placeholder = vscode.l10n.t('Choose a template to see it as readers would');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = true;
  pick.items = pickerEntries(templates, vscode.l10n.t('Built-in')).map((e): Item =>
    e.kind === 'separator'
      ? { label: e.label, kind: vscode.QuickPickItemKind.Separator }
      : {
          label: e.template.name,
          description: [e.template.prefixes.join(' · '), e.template.pack ? `$(package) ${e.template.pack.name}` : ''].filter(Boolean).join('  '),
          detail: e.template.description,
          template: e.template as TemplateEntry,
        },
  );

  const wasOpen = host.isOpen;
  let accepted = false;
  const subscriptions: vscode.Disposable[] = [
    pick.onDidChangeActive((active) => {
      const template = active[0]?.template;
      if (template) host.show(template, { preserveFocus: true });
    }),
    pick.onDidAccept(() => {
      const template = pick.activeItems[0]?.template;
      if (!template) return;
      accepted = true;
      pick.hide();
      host.show(template, { preserveFocus: false });
    }),
    pick.onDidHide(() => {
      // Escape: the picker's preview goes with it, unless one was open before.
      if (!accepted && !wasOpen) host.close();
      subscriptions.forEach((d) => d.dispose());
      pick.dispose();
    }),
  ];
  pick.show();
}
