import { HOMEPAGE, VERSION } from '../node/version';

export { HOMEPAGE, VERSION };

export const HELP = `muharrir ${VERSION}: checks Arabic news articles (Markdown with YAML frontmatter)

Usage:
  muharrir check [paths|globs…] [options]

With no paths the current folder is checked. Folders are walked for *.md files
(node_modules, .git and dot-folders are skipped). Quote globs such as 'news/**/*.md'.

Options:
  --format stylish|json|sarif|github|html
                                        output format (default: stylish); html is a
                                        standalone right-to-left report for editors
  --config FILE                         use this .muharrir.yaml for every file
                                        (default: the nearest .muharrir.yaml above each file)
  --lang ar|en                          language of the messages
  --fix                                 apply the safe fixes and rewrite the files
  --max-warnings N                      exit 1 when there are more than N warnings
  --now ISO                             the current time, e.g. 2025-06-10T09:00:00+03:00
  --cache                               lint only files changed since the last run
                                        (results kept in .muharrircache; not with --fix)
  --cache-location FILE                 keep the cache in FILE (implies --cache)
  -h, --help                            show this help
  --version                             show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or internal failure.
Docs: ${HOMEPAGE}
`;
