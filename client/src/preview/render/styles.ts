/**
 * The preview's stylesheet, inlined in a nonce'd <style> so the document is self-contained (the
 * only outside resources are the font, local images and the preview script). The look is an
 * Arabic news site's: Noto Naskh Arabic, generous line height, justified paragraphs that never
 * hyphenate, a kicker, a standfirst, pull quotes and a sources box. Palettes follow VS Code's body
 * classes unless a theme is forced on <html>.
 */
import { cssString } from './escape';

export interface StyleOptions {
  fontUri?: string;
  fontBoldUri?: string;
  fontLatinUri?: string;
  fontLatinBoldUri?: string;
}

const FAMILY = "'Noto Naskh Arabic'";

/**
 * The code points of the two subsets @fontsource/noto-naskh-arabic 5.3.0 ships (its unicode.json),
 * so the browser takes Arabic letters from one file and digits and Latin from the other.
 */
const ARABIC_RANGE = 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+102E0-102FB,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EE03,U+1EE05-1EE1F,U+1EE21-1EE22,U+1EE24,U+1EE27,U+1EE29-1EE32,U+1EE34-1EE37,U+1EE39,U+1EE3B,U+1EE42,U+1EE47,U+1EE49,U+1EE4B,U+1EE4D-1EE4F,U+1EE51-1EE52,U+1EE54,U+1EE57,U+1EE59,U+1EE5B,U+1EE5D,U+1EE5F,U+1EE61-1EE62,U+1EE64,U+1EE67-1EE6A,U+1EE6C-1EE72,U+1EE74-1EE77,U+1EE79-1EE7C,U+1EE7E,U+1EE80-1EE89,U+1EE8B-1EE9B,U+1EEA1-1EEA3,U+1EEA5-1EEA9,U+1EEAB-1EEBB,U+1EEF0-1EEF1';
const LATIN_RANGE = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

function fontFaces(o: StyleOptions): string {
  const face = (uri: string | undefined, weight: number, range: string) =>
    uri
      ? `@font-face{font-family:${FAMILY};font-style:normal;font-weight:${weight};font-display:block;` +
        `src:url(${cssString(uri)}) format('woff2');unicode-range:${range};}\n`
      : '';
  return (
    face(o.fontUri, 400, ARABIC_RANGE) +
    face(o.fontBoldUri, 700, ARABIC_RANGE) +
    face(o.fontLatinUri, 400, LATIN_RANGE) +
    face(o.fontLatinBoldUri, 700, LATIN_RANGE)
  );
}

const LIGHT = `
  color-scheme: light;
  --stage: #eceef1; --paper: #ffffff; --ink: #1b1b1b; --muted: #5b6068; --rule: #e1e3e6;
  --accent: #a4161a; --link: #0b57d0; --quote: #7a2e0e; --box: #f6f4ef; --chip: #eef0f3;
  --frame: #cfd4da; --badge-bg: #fff1c2; --badge-ink: #614400; --mark-bg: rgba(255, 190, 0, .16);
  --sev-error: #d32f2f; --sev-warning: #b86e00; --sev-information: #1565c0; --sev-hint: #6b7280;`;

const DARK = `
  color-scheme: dark;
  --stage: #0e1013; --paper: #17191c; --ink: #e9e7e3; --muted: #a5a9b0; --rule: #34383e;
  --accent: #ff7b72; --link: #79b8ff; --quote: #f2c38b; --box: #202328; --chip: #2a2e34;
  --frame: #3b4047; --badge-bg: #4a3b00; --badge-ink: #ffe08a; --mark-bg: rgba(255, 200, 60, .14);
  --sev-error: #ff6b6b; --sev-warning: #ffb74d; --sev-information: #64b5f6; --sev-hint: #9aa0a6;`;

const HIGH_CONTRAST = `
  color-scheme: dark;
  --stage: #000000; --paper: #000000; --ink: #ffffff; --muted: #ffffff; --rule: #ffffff;
  --accent: #ffd400; --link: #6fc3ff; --quote: #ffffff; --box: #000000; --chip: #000000;
  --frame: #ffffff; --badge-bg: #000000; --badge-ink: #ffd400; --mark-bg: transparent;
  --sev-error: #ff5c5c; --sev-warning: #ffd400; --sev-information: #6fc3ff; --sev-hint: #ffffff;`;

const HIGH_CONTRAST_LIGHT = `
  color-scheme: light;
  --stage: #ffffff; --paper: #ffffff; --ink: #000000; --muted: #000000; --rule: #000000;
  --accent: #8b0000; --link: #0000c8; --quote: #000000; --box: #ffffff; --chip: #ffffff;
  --frame: #000000; --badge-bg: #ffffff; --badge-ink: #000000; --mark-bg: transparent;
  --sev-error: #b00000; --sev-warning: #7a4a00; --sev-information: #00308f; --sev-hint: #000000;`;

const SHEET = `
body.muharrir-preview { ${LIGHT} }
body.vscode-dark { ${DARK} }
body.vscode-high-contrast:not(.vscode-high-contrast-light) { ${HIGH_CONTRAST} }
body.vscode-high-contrast-light { ${HIGH_CONTRAST_LIGHT} }
html.theme-light body.muharrir-preview { ${LIGHT} }
html.theme-dark body.muharrir-preview { ${DARK} }
html.theme-high-contrast body.muharrir-preview { ${HIGH_CONTRAST} }

html, body { margin: 0; padding: 0; }
body.muharrir-preview {
  background: var(--stage); color: var(--ink);
  font-family: ${FAMILY}, 'Noto Sans Arabic', 'Geeza Pro', 'Segoe UI', Tahoma, serif;
  font-size: 19px; line-height: 1.9;
  font-variant-numeric: normal; font-feature-settings: normal;
  -webkit-font-smoothing: antialiased; text-rendering: optimizeLegibility;
}
.page { box-sizing: border-box; max-width: 760px; min-height: 100vh; margin: 0 auto; padding: 32px 44px 72px; background: var(--paper); }
body.width-mobile .page { width: 390px; max-width: 390px; padding: 20px 16px 56px; font-size: 17px; border-inline: 1px solid var(--frame); }
.article { margin: 0; }

.article-header { border-bottom: 1px solid var(--rule); padding-bottom: 18px; margin-bottom: 26px; }
.kicker { display: flex; flex-wrap: wrap; gap: .7em; align-items: center; font-size: .8em; line-height: 1.6; }
.section { color: var(--accent); font-weight: 700; }
.status-badge { background: var(--badge-bg); color: var(--badge-ink); border: 1px solid var(--badge-ink); border-radius: 3px; padding: 0 .55em; font-size: .88em; }
.headline { font-size: 2.05em; line-height: 1.45; font-weight: 700; margin: .25em 0 .45em; text-wrap: balance; }
body.width-mobile .headline { font-size: 1.5em; }
.headline.untitled { color: var(--muted); font-weight: 400; }
.standfirst { font-size: 1.16em; line-height: 1.75; color: var(--muted); margin: 0 0 1em; }
.meta { font-size: .8em; line-height: 1.8; color: var(--muted); }
.meta p { margin: 0; }
.byline .author { color: var(--ink); font-weight: 700; }
.dateline { color: var(--ink); font-weight: 700; }
.times .label { font-weight: 700; }
.offset { direction: ltr; unicode-bidi: isolate; }
.invalid-date { color: var(--sev-error); }
.writer-note { display: inline-block; margin-top: .3em; color: var(--badge-ink); background: var(--badge-bg); padding: 0 .5em; border-radius: 3px; }

.article-body { hyphens: none; -webkit-hyphens: none; overflow-wrap: break-word; }
.article-body p, .article-body li { text-align: justify; text-justify: inter-word; hyphens: none; -webkit-hyphens: none; }
.article-body p { margin: 0 0 1.1em; }
.article-body h1, .article-body h2, .article-body h3, .article-body h4 { line-height: 1.55; margin: 1.4em 0 .5em; text-align: start; }
.article-body h1 { font-size: 1.5em; } .article-body h2 { font-size: 1.32em; } .article-body h3 { font-size: 1.15em; } .article-body h4 { font-size: 1em; }
.article-body ul, .article-body ol { padding-inline-start: 1.5em; margin: 0 0 1.1em; }
.article-body li { margin: .25em 0; }
.article-body li > p { margin: 0; }
.article-body hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
.article-body table { border-collapse: collapse; width: 100%; margin: 1em 0 1.4em; font-size: .88em; line-height: 1.6; }
.article-body th, .article-body td { border-bottom: 1px solid var(--rule); padding: .45em .6em; text-align: start; }
.article-body th { font-weight: 700; border-bottom-width: 2px; }
.article-body img { display: block; max-width: 100%; height: auto; margin: 1.2em auto; }
.quote { color: var(--quote); }
blockquote { margin: 1.7em 0; padding: .2em 1.1em; border-inline-start: 4px solid var(--accent); font-size: 1.22em; line-height: 1.75; font-weight: 700; }
blockquote p { text-align: start !important; margin: .2em 0; }
blockquote .quote { color: inherit; }
a { color: var(--link); text-decoration: underline; text-underline-offset: .35em; text-decoration-thickness: 1px; }
.muharrir-blocked-link { color: var(--muted); text-decoration: line-through dotted; }
code, pre { font-family: var(--vscode-editor-font-family, ui-monospace, 'DejaVu Sans Mono', monospace); font-size: .8em; }
code { direction: ltr; unicode-bidi: isolate; background: var(--box); padding: 0 .3em; border-radius: 3px; }
pre { direction: ltr; text-align: left; background: var(--box); padding: .8em 1em; overflow-x: auto; line-height: 1.5; }
pre code { padding: 0; background: none; }
.muharrir-image-placeholder { box-sizing: border-box; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: .3em; min-height: 150px; margin: 1.2em 0; padding: 1em; border: 2px dashed var(--frame); background: var(--box); color: var(--muted); font-size: .78em; line-height: 1.6; text-align: center; }
.muharrir-image-alt { color: var(--ink); }

.article-footer { margin-top: 2.4em; }
.sources { background: var(--box); border-inline-start: 4px solid var(--accent); padding: .8em 1.2em; font-size: .86em; line-height: 1.8; }
.sources h2 { font-size: 1em; margin: 0 0 .3em; }
.sources ul { margin: 0; padding-inline-start: 1.2em; }
.source-type { color: var(--muted); font-size: .88em; }
.tags { display: flex; flex-wrap: wrap; gap: .5em; list-style: none; padding: 0; margin: 1.3em 0 0; }
.tags li { background: var(--chip); border: 1px solid var(--rule); border-radius: 999px; padding: .05em .9em; font-size: .8em; }

.muharrir-writer { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 13px; line-height: 1.6; }
.muharrir-notice { margin: 0 0 16px; padding: 8px 12px; border: 1px solid var(--sev-warning); border-inline-start-width: 4px; background: var(--box); }
.muharrir-problems { margin: 0 0 20px; padding: 8px 12px; border: 1px solid var(--rule); border-inline-start: 4px solid var(--sev-error); background: var(--box); }
.muharrir-problems h2 { font-size: 1em; margin: 0 0 4px; }
.muharrir-problems ul { margin: 0; padding-inline-start: 1.2em; }
.muharrir-problems li[data-severity] { color: var(--ink); }
.muharrir-problems .sev { font-weight: 700; color: var(--sev); }
.muharrir-problems .code, .muharrir-problems .where { color: var(--muted); }

[data-severity='error'] { --sev: var(--sev-error); }
[data-severity='warning'] { --sev: var(--sev-warning); }
[data-severity='information'] { --sev: var(--sev-information); }
[data-severity='hint'] { --sev: var(--sev-hint); }
mark.muharrir-problem { color: inherit; background: var(--mark-bg); border-radius: 2px; text-decoration: underline wavy var(--sev); text-decoration-skip-ink: none; text-decoration-thickness: 1.5px; text-underline-offset: .5em; cursor: help; }
.muharrir-problem-block { border-inline-start: 3px solid var(--sev); padding-inline-start: .7em; margin-inline-start: calc(-.7em - 3px); }
.muharrir-problem-field { text-decoration: underline wavy var(--sev); text-decoration-skip-ink: none; text-underline-offset: .45em; cursor: help; }
body.muharrir-hide-problems mark.muharrir-problem { background: none; text-decoration: none; cursor: auto; }
body.muharrir-hide-problems .muharrir-problem-block { border-inline-start-color: transparent; }
body.muharrir-hide-problems .muharrir-problem-field { text-decoration: none; cursor: auto; }
body.muharrir-hide-problems .muharrir-problems { display: none; }

body.view-social-card .page { background: transparent; }
.social-card { box-sizing: border-box; width: 500px; max-width: 100%; margin: 24px auto 12px; border: 1px solid var(--frame); border-radius: 12px; overflow: hidden; background: var(--paper); }
body.width-mobile .social-card { width: 358px; }
.card-image { aspect-ratio: 1.91 / 1; background: var(--box); display: flex; align-items: center; justify-content: center; overflow: hidden; }
.card-image img { width: 100%; height: 100%; object-fit: cover; margin: 0; }
.card-image .muharrir-image-placeholder { width: 100%; height: 100%; min-height: 0; margin: 0; border: 0; }
.card-no-image { color: var(--muted); font-size: .75em; }
.card-text { padding: 10px 14px 14px; line-height: 1.55; }
.card-site { font-size: .7em; color: var(--muted); }
.card-title { font-size: 1.02em; font-weight: 700; margin: 2px 0 4px; }
.card-summary { font-size: .84em; color: var(--muted); }
.card-counts { width: 500px; max-width: 100%; margin: 0 auto; color: var(--muted); }
body.width-mobile .card-counts { width: 358px; }
.card-counts dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.card-counts dd { margin: 0; }
.card-counts .over { color: var(--sev-warning); font-weight: 700; }
`;

export function stylesheet(o: StyleOptions): string {
  return fontFaces(o) + SHEET;
}
