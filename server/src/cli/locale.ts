import type { Locale, ResolvedConfig } from '../engine';

/** `--lang`, else the config's `locale`, else the POSIX locale variables in their precedence order, else English. */
export function chooseLocale(lang: Locale | undefined, config: ResolvedConfig, env: NodeJS.ProcessEnv): Locale {
  if (lang) return lang;
  if (config.locale === 'ar' || config.locale === 'en') return config.locale;
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return posix.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
