/**
 * Words the built-in templates print through `{{label}}` that no renderer needs.
 * `{name}` is filled from the helper's named arguments:
 * `{{label "agendaMeeting" parties=(join parties) city=city date=(date date)}}`.
 */
export interface TemplateLabels {
  /** The agenda slide's notes: who met, where and when. */
  agendaMeeting: string;
  /** The agenda slide's notes: how the deck runs. */
  agendaNotes: string;
  /** The takeaways slide's notes. */
  takeawaysNotes: string;
  /** The summary slide's notes. */
  summaryNotes: string;
  /** Quotation marks around a quote: “…” in English, «…» in Ukrainian. */
  quoteOpen: string;
  quoteClose: string;
}

export type LocaleLabels = Labels & TemplateLabels;

/**
 * What briefkit prints itself, per language. Numbers and dates are formatted by
 * Intl with the tags below; only words Intl does not supply live here.
 */
export interface Locale {
  /** BCP 47 tag of the document language. */
  lang: string;
  /** Intl tag for numbers and currencies. */
  numberTag: string;
  /** Intl tag for dates ("26 February 2026" rather than "February 26, 2026"). */
  dateTag: string;
  labels: LocaleLabels;
  scaleWords: { thousand: string; million: string; billion: string };
  qualifiers: Record<'about' | 'almost' | 'roughly' | 'more than' | 'at least' | 'up to', string>;
  /** How a currency is named beside a scaled amount: a symbol ("$800 billion") or a name. */
  currencyDisplay: 'symbol' | 'name';
  /** Joins the last two items of a list: "Reuters and AP". */
  listType: 'conjunction';
}

export const locales = {
  en: {
    lang: 'en',
    numberTag: 'en',
    dateTag: 'en-GB',
    labels: {
      contents: 'Contents',
      figure: 'Figure',
      table: 'Table',
      source: 'Source',
      sources: 'Sources',
      via: 'via {source}',
      section: 'Section',
      pageOf: 'Page {page} of {pages}',
      speakerNotes: 'Speaker notes',
      cont: '(cont.)',
      keyFigures: 'Key figures',
      agenda: 'Agenda',
      summary: 'Summary',
      meeting: 'The meeting',
      date: 'Date',
      place: 'Place',
      parties: 'Parties',
      tracks: 'Tracks of the talks',
      people: 'Who was involved',
      name: 'Name',
      role: 'Role',
      side: 'For',
      watch: 'What to watch next',
      takeaways: 'Key takeaways',
      faq: 'Questions and answers',
      agendaMeeting: '{parties} met in {city} on {date}.',
      agendaNotes:
        'The deck follows the briefing section by section and ends with what to watch next, the key takeaways and the sources.',
      takeawaysNotes: 'The points to remember from the briefing.',
      summaryNotes: 'The briefing in brief; the sections that follow give the detail and the sources.',
      quoteOpen: '“',
      quoteClose: '”',
    },
    scaleWords: { thousand: 'thousand', million: 'million', billion: 'billion' },
    qualifiers: {
      about: 'about',
      almost: 'almost',
      roughly: 'roughly',
      'more than': 'more than',
      'at least': 'at least',
      'up to': 'up to',
    },
    currencyDisplay: 'symbol',
    listType: 'conjunction',
  },
  uk: {
    lang: 'uk',
    numberTag: 'uk',
    dateTag: 'uk',
    labels: {
      contents: 'Зміст',
      figure: 'Рисунок',
      table: 'Таблиця',
      source: 'Джерело',
      sources: 'Джерела',
      // Bibliographic usage for a source known through another ("цит. за" = quoted after).
      via: 'цит. за {source}',
      section: 'Розділ',
      pageOf: 'Сторінка {page} з {pages}',
      speakerNotes: 'Нотатки доповідача',
      cont: '(продовження)',
      keyFigures: 'Ключові цифри',
      agenda: 'Порядок денний',
      summary: 'Резюме',
      meeting: 'Зустріч',
      date: 'Дата',
      place: 'Місце',
      parties: 'Сторони',
      tracks: 'Напрями переговорів',
      people: 'Учасники',
      name: 'Імʼя',
      role: 'Посада',
      side: 'Сторона',
      watch: 'За чим стежити далі',
      takeaways: 'Головні висновки',
      faq: 'Запитання та відповіді',
      // Cities are data, in the nominative: "у місті Женева" needs no declension.
      agendaMeeting: '{date} у місті {city} зустрілися представники сторін: {parties}.',
      agendaNotes:
        'Презентація йде за брифінгом розділ за розділом і завершується тим, за чим стежити далі, головними висновками та джерелами.',
      takeawaysNotes: 'Головне, що варто запамʼятати з брифінгу.',
      summaryNotes: 'Брифінг коротко; подробиці та джерела — у наступних розділах.',
      quoteOpen: '«',
      quoteClose: '»',
    },
    scaleWords: { thousand: 'тис.', million: 'млн', billion: 'млрд' },
    qualifiers: {
      about: 'близько',
      almost: 'майже',
      roughly: 'приблизно',
      'more than': 'понад',
      'at least': 'щонайменше',
      'up to': 'до',
    },
    currencyDisplay: 'name',
    listType: 'conjunction',
  },
} as const satisfies Record<string, Locale>;

export type LocaleId = keyof typeof locales;

export function getLocale(id: LocaleId): Locale {
  return locales[id];
}

export interface Labels {
  contents: string;
  figure: string;
  /** "Table", before a data table's number. */
  table: string;
  source: string;
  sources: string;
  /** Names who relayed a source, after its publisher: "TASS (via Reuters)". Slot: {source}. */
  via: string;
  /** What a screen reader says a contents link goes to: "Section 4: The overnight attack". */
  section: string;
  /** "Page {page} of {pages}" */
  pageOf: string;
  speakerNotes: string;
  cont: string;
  keyFigures: string;
  agenda: string;
  /** Headings the built-in templates print through {{label}}. */
  summary: string;
  meeting: string;
  date: string;
  place: string;
  parties: string;
  tracks: string;
  people: string;
  name: string;
  role: string;
  side: string;
  watch: string;
  takeaways: string;
  faq: string;
}

/** A label with its `{name}` slots filled: fillLabel('via {source}', { source: 'Reuters' }). */
export function fillLabel(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => slots[name] ?? slot);
}
