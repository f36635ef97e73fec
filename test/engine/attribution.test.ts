/** Attribution: the data tables behind the source rules, and the finder that reads who says what. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/engine';
import { attributions, groupsOf, keyWords, knownIndex, normalize, sameOrPart, sameSource, tokenize } from '../../server/src/engine/arabic';
import {
  ANONYMOUS_PHRASES,
  ATTRIBUTION_PARTICIPLES,
  ATTRIBUTION_PHRASES,
  ATTRIBUTION_VERBS,
  DOCUMENT_NOUNS,
  EXCLUSIVE_MARKERS,
  GENERIC_SOURCE_LINE_NAMES,
  KNOWN_BODIES,
  KNOWN_MEDIA,
  MEDIA_KEYWORDS,
  NAME_STOP_WORDS,
  ORG_GENERIC_ADJECTIVES,
  ORG_KEYWORDS,
  ORG_KEYWORDS_DEFINITE,
  QUOTE_TITLE_NOUNS,
} from '../../server/src/engine/data/attribution';

const LISTS: Record<string, readonly string[]> = {
  ATTRIBUTION_PARTICIPLES,
  NAME_STOP_WORDS,
  ORG_KEYWORDS,
  ORG_KEYWORDS_DEFINITE,
  MEDIA_KEYWORDS,
  ORG_GENERIC_ADJECTIVES,
  DOCUMENT_NOUNS,
  EXCLUSIVE_MARKERS,
  GENERIC_SOURCE_LINE_NAMES,
  ANONYMOUS_PHRASES,
  QUOTE_TITLE_NOUNS,
  VERB_FORMS: ATTRIBUTION_VERBS.flatMap((v) => v.forms),
  PHRASES: ATTRIBUTION_PHRASES.map((p) => p.phrase),
  KNOWN: [...KNOWN_MEDIA, ...KNOWN_BODIES].flat(),
};

/** Invisible characters may only be written as \u escapes in the source, never inside table entries. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00A0]/;

describe('attribution data', () => {
  test('every entry is trimmed, single-spaced and free of invisible characters', () => {
    for (const [name, list] of Object.entries(LISTS)) {
      assert.ok(list.length > 0, `${name} is empty`);
      for (const e of list) {
        assert.equal(e, e.trim(), `${name}: «${e}» has outer spaces`);
        assert.ok(!/\s{2}/.test(e), `${name}: «${e}» has a double space`);
        assert.ok(!INVISIBLE.test(e), `${name}: «${e}» has an invisible character`);
      }
    }
  });

  test('no list repeats an entry once normalized', () => {
    for (const [name, list] of Object.entries(LISTS)) {
      if (name === 'VERB_FORMS') continue;
      const seen = new Map<string, string>();
      for (const e of list) {
        const n = normalize(e);
        assert.ok(!seen.has(n) || name === 'KNOWN', `${name}: «${e}» repeats «${seen.get(n)}»`);
        seen.set(n, e);
      }
    }
  });

  test('verbs: each lemma has forms, and no form is also a word that ends a name', () => {
    const stops = new Set(NAME_STOP_WORDS.map((w) => normalize(w)));
    for (const v of ATTRIBUTION_VERBS) {
      assert.ok(v.forms.length > 0, v.lemma);
      for (const f of v.forms) {
        assert.equal(tokenize(f).length, 1, `«${f}» is one word`);
        assert.ok(!stops.has(normalize(f)), `«${f}» is a stop word`);
      }
    }
  });

  test('verbs: the ambiguous nouns are not there (رأي opinion, بين between, تبين it turned out)', () => {
    const forms = new Set(ATTRIBUTION_VERBS.flatMap((v) => v.forms));
    for (const noun of ['رأي', 'بين', 'تبين', 'نفي', 'يعتبر']) assert.ok(!forms.has(noun), noun);
  });

  test('phrases: longer ones come before the phrases they start with', () => {
    const words = ATTRIBUTION_PHRASES.map((p) => tokenize(p.phrase).map((t) => t.norm).join(' '));
    words.forEach((w, i) => {
      for (let j = 0; j < i; j++) assert.ok(!(w + ' ').startsWith(words[j] + ' '), `«${ATTRIBUTION_PHRASES[j].phrase}» hides «${ATTRIBUTION_PHRASES[i].phrase}»`);
    });
  });

  test('organisation words: the press words are organisation words, the definite ones carry the article', () => {
    const org = new Set([...ORG_KEYWORDS, ...ORG_KEYWORDS_DEFINITE]);
    for (const m of MEDIA_KEYWORDS) assert.ok(org.has(m), m);
    for (const d of ORG_KEYWORDS_DEFINITE) assert.ok(d.startsWith('ال'), d);
    for (const k of ORG_KEYWORDS) assert.ok(!k.startsWith('ال'), k);
  });

  test('anonymous phrases: two words or more, with their gender and number variants', () => {
    const all = new Set(ANONYMOUS_PHRASES.map((p) => normalize(p)));
    for (const p of ANONYMOUS_PHRASES) assert.ok(tokenize(p).length >= 2, p);
    for (const p of ['مصادر مطلعة', 'مصدر مطلع', 'مصدر مسؤول', 'مصادر مسؤولة', 'مصدران مطلعان', 'مصادر متطابقة', 'طلب عدم الكشف عن هويته', 'طلبت عدم الكشف عن هويتها', 'فضل عدم ذكر اسمه', 'رفض الكشف عن هويته', 'لم تكشف هويتها', 'مسؤول مطلع']) {
      assert.ok(all.has(normalize(p)), p);
    }
  });

  test('known sources: no name belongs to two sources', () => {
    const owner = new Map<string, string>();
    for (const group of [...KNOWN_MEDIA, ...KNOWN_BODIES]) {
      for (const name of group) {
        const k = keyWords(name).join(' ');
        assert.ok(!owner.has(k) || owner.get(k) === group[0], `«${name}» is also «${owner.get(k)}»`);
        owner.set(k, group[0]);
      }
    }
  });
});

/** The names an article's attributions cite, as `shape:text`, in order. */
function cited(body: string): string[] {
  const doc = parseArticle(`---\ntitle: خبر\n---\n\n${body}\n`);
  return attributions(doc).flatMap((a) => a.names.map((n) => `${n.shape}:${doc.text.slice(n.start, n.end)}`));
}

describe('reading the source an attribution names', () => {
  const cases: [string, string[]][] = [
    ['ذكرت وكالة الأنباء الليبية أن الحكومة اجتمعت.', ['known:وكالة الأنباء الليبية']],
    ['قال المتحدث باسم الوزارة إن الأمر انتهى.', ['other:المتحدث']],
    ['بحسب رويترز، ارتفعت الأسعار.', ['known:رويترز']],
    ['وفقاً لوزارة الصحة السعودية، سُجلت 12 حالة.', ['org:وزارة الصحة السعودية']],
    ['وفقًا لـ «الشرق الأوسط» فإن الاتفاق قريب.', ['known:«الشرق الأوسط»']],
    ['طبقاً للهيئة العامة للإحصاء فإن التضخم تراجع.', ['org:للهيئة العامة للإحصاء']],
    ['نقلاً عن صحيفة «الوسط» أن الجلسة تأجلت.', ['org:صحيفة «الوسط»']],
    ['حسبما ذكرت وكالة الأنباء السعودية (واس) فإن', ['known:وكالة الأنباء السعودية', 'known:وكالة الأنباء السعودية']],
    ['وأعلنت وزارة الخارجية والتعاون الدولي، في بيان، أن', ['org:وزارة الخارجية والتعاون الدولي']],
    ['نقلت وكالة رويترز عن مصادر مطلعة أن', ['known:وكالة رويترز', 'anonymous:مصادر مطلعة']],
    ['في بيان صادر عن المرصد السوري لحقوق الإنسان', ['org:المرصد السوري لحقوق الإنسان']],
    ['بحسب Capital Economics فإن الركود بعيد.', ['latin:Capital Economics']],
    ['بحسب Bloomberg فإن الصفقة تمت.', ['known:Bloomberg']],
    ['ووفقاً لبيانات مجموعة بورصات لندن، جاءت النتائج', ['org:مجموعة بورصات لندن']],
    ['أعلنت منظمة الأمم المتحدة للتربية والعلم والثقافة إدراج الموقع', ['org:منظمة الأمم المتحدة للتربية والعلم والثقافة']],
    ['أعلن مركز محمد بن راشد للفضاء أن', ['org:مركز محمد بن راشد للفضاء']],
    ['حذرت وزارة الصحة المواطنين من الحر.', ['org:وزارة الصحة']],
    ['ودعت المفوضية الأطراف المتنازعة إلى التهدئة.', ['other:المفوضية']],
    ['وقال المحلل سامر حداد في تصريح خاص إن السوق مستقرة.', ['other:المحلل', 'person:سامر حداد']],
    // Generic references and people stay «other»: the rules do not ask to list them.
    ['قال مراقبون إن الوضع هادئ، بحسب التقرير، وفق القانون، حسب الموقع الجغرافي.', ['other:مراقبون', 'other:التقرير', 'other:القانون', 'other:الموقع الجغرافي']],
    ['بحسب موقع الوزارة فإن', ['other:موقع الوزارة']],
    ['أعلنت شركة سعودية ناشئة عن جولة تمويل.', ['other:شركة سعودية ناشئة']],
  ];
  for (const [text, expected] of cases) test(text, () => assert.deepEqual(cited(text), expected));

  test('the المصدر: line names every source on it, an alias in parentheses aside', () => {
    assert.deepEqual(cited('المصدر: وكالة الأنباء الكويتية (كونا)، رويترز'), ['line:وكالة الأنباء الكويتية', 'line:رويترز']);
    assert.deepEqual(cited('**المصدر:** وكالات'), []);
  });

  test('an exclusive-interview marker counts in its own paragraph, not in the list item above', () => {
    assert.deepEqual(cited('- في تصريح خاص\n- قال المحلل الاقتصادي سامر حداد إن الأسعار سترتفع'), ['other:المحلل الاقتصادي']);
    assert.deepEqual(cited('- قال المحلل الاقتصادي سامر حداد في تصريح خاص إن الأسعار سترتفع'), ['other:المحلل الاقتصادي', 'person:سامر حداد']);
  });

  test('a wire credit at the head of the story', () => {
    assert.deepEqual(cited('جنيف 6 يونيو (رويترز) - قال برنامج الأغذية العالمي إن'), ['known:رويترز', 'org:برنامج الأغذية العالمي']);
  });

  test('verbs that are also nouns count only where they are verbs', () => {
    const kinds = (body: string) => attributions(parseArticle(`---\n---\n${body}`)).map((a) => a.trigger);
    assert.deepEqual(kinds('بدت الصورة أوضح: «كل شيء تغير».'), []);
    assert.deepEqual(kinds('وأوضح الوزير أن'), ['أوضح']);
    assert.deepEqual(kinds('طالب في الجامعة، وطالب الوزير بالتهدئة'), ['طالب']);
    assert.deepEqual(kinds('مستشفى تابع للوزارة، وتابع الوزير: «نعم»'), ['تابع']);
    assert.deepEqual(kinds('ليس هذا فحسب، بل رأي الخبراء مهم'), []);
    assert.deepEqual(kinds('قطاع نقل الركاب'), []);
    assert.deepEqual(kinds('نقل التقرير عن الوزير'), ['نقل']);
  });

  test('the registry makes its names and aliases known sources', () => {
    const doc = parseArticle('---\n---\nوأفادت وام بأن الرحلات استؤنفت.');
    const registry = [{ name: 'وكالة أنباء الإمارات', aliases: ['وام', 'WAM'], type: 'agency' }];
    const names = attributions(doc, registry).flatMap((a) => a.names);
    assert.deepEqual(names.map((n) => [n.shape, n.text, n.media]), [['known', 'وام', true]]);
  });
});

describe('comparing source names', () => {
  const same = (a: string, b: string) => sameSource(keyWords(a), keyWords(b));

  test('the article, hamza, taa marbuta and وكالة/صحيفة do not matter', () => {
    assert.deepEqual(keyWords('وكالة الأنباء الليبية'), keyWords('وكاله الانباء الليبيه'));
    assert.deepEqual(keyWords('للإحصاء'), keyWords('الإحصاء'));
    assert.ok(same('وكالة الأنباء الليبية', 'الأنباء الليبية'));
    assert.ok(same('وكالة رويترز', 'رويترز'));
    assert.ok(same('صحيفة الأهرام', 'جريدة الأهرام'));
  });

  test('a name that starts or ends another is the same source; the middle is not', () => {
    assert.ok(same('وزارة الخارجية', 'وزارة الخارجية والتعاون الدولي'));
    assert.ok(same('شركة سبيس', 'سبيس إكس'));
    assert.ok(same('الهيئة العامة للإحصاء', 'هيئة الإحصاء'));
    assert.ok(same('المركز الوطني للأرصاد', 'مركز الأرصاد'));
    assert.ok(!sameOrPart([], keyWords('رويترز')));
  });

  test('two different organisation words are two sources', () => {
    assert.ok(!same('وزارة الصحة', 'منظمة الصحة العالمية'));
    assert.ok(!same('هيئة الصحة', 'وزارة الصحة'));
  });

  test('aliases of one source share its group', () => {
    const known = knownIndex([{ name: 'وكالة الأنباء السعودية', aliases: ['واس', 'SPA'] }]);
    const of = (n: string) => groupsOf(keyWords(n), known);
    assert.ok(of('واس').some((g) => of('SPA').includes(g)));
    assert.ok(of('Reuters').some((g) => of('وكالة رويترز').includes(g)));
    assert.deepEqual(of('وكالة الصحة'), []);
  });
});
