//! The shapes of the data files, and their parsing.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// One language's knowledge.
pub struct Language {
    /// ISO 639-1 code, the folder's name.
    pub code: &'static str,
    pub name: String,
    pub whatlang: whatlang::Lang,
    pub cleaning: Cleaning,
    pub dates: Dates,
    pub numbers: Numbers,
    pub figures: Figures,
    pub sources: Sources,
    pub events: Events,
    pub lexicon: Lexicon,
}

#[derive(Deserialize)]
struct LangFile {
    name: String,
    whatlang: String,
}

/// `cleaning.toml`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Cleaning {
    /// Abbreviations that end with a period inside a sentence ("M.", "gén.").
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Whole-line patterns of scraped boilerplate.
    #[serde(default)]
    pub boilerplate: Vec<BoilerplateRule>,
    /// Word beginnings that are prefixes, never a glued word ("sur" in "surpeuplé").
    #[serde(default)]
    pub glue_prefixes: Vec<String>,
}

/// A boilerplate pattern: a regex matched case-insensitively against a trimmed line.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateRule {
    pub kind: String,
    pub pattern: String,
}

/// `dates.toml`: names are lower case; each entry lists accepted spellings.
#[derive(Deserialize, Default, Clone)]
pub struct Dates {
    /// Twelve entries, January first.
    pub months: Vec<Vec<String>>,
    /// Seven entries, Monday first.
    pub weekdays: Vec<Vec<String>>,
    #[serde(default)]
    pub today: Vec<String>,
    #[serde(default)]
    pub yesterday: Vec<String>,
    #[serde(default)]
    pub day_before_yesterday: Vec<String>,
    #[serde(default)]
    pub tomorrow: Vec<String>,
    /// Words between a day and its month or year: "el 3 de marzo de 2015", "the 1st of March".
    #[serde(default)]
    pub date_joiners: Vec<String>,
    /// Words next to a weekday that mean the one of the week before: "mardi dernier", "last Tuesday".
    #[serde(default)]
    pub last: Vec<String>,
    /// Words next to a weekday that put it in the future: "lundi prochain", "next Monday".
    #[serde(default)]
    pub next: Vec<String>,
    /// Phrases around a number of days that count back from the publication
    /// day: "il y a trois jours", "three days ago".
    #[serde(default)]
    pub ago_before: Vec<String>,
    #[serde(default)]
    pub ago_after: Vec<String>,
    /// Words for "day" and "days", and for "week" and "weeks".
    #[serde(default)]
    pub day_units: Vec<String>,
    #[serde(default)]
    pub week_units: Vec<String>,
    /// Nouns of the event itself ("earthquake", "frappe"): a day that qualifies one
    /// ("Tuesday's quake", "le séisme de samedi") dates the event, not a count.
    #[serde(default)]
    pub event_nouns: Vec<String>,
    /// Words that point back to an event named before ("este último terremoto", "ce nouveau séisme",
    /// "this latest quake"): a count of it takes the day the sentence before gave that event.
    #[serde(default)]
    pub event_referrers: Vec<String>,
    /// Parts of a day that may stand between such a day and its event ("Tuesday night's quake").
    #[serde(default)]
    pub parts_of_day: Vec<String>,
    /// Words after which a relative day that is also a part of day names that part of day
    /// ("por la mañana" is the morning, "mañana" alone is tomorrow), lower case.
    #[serde(default)]
    pub part_of_day_after: Vec<String>,
    /// Prepositions between an event noun and its day ("le séisme de samedi").
    #[serde(default)]
    pub event_day_joiners: Vec<String>,
    /// Words that close a period opened by the date before them ("du 1er février jusqu'à mardi"): that date counts nothing.
    #[serde(default)]
    pub period_ends: Vec<String>,
    /// Words between the first and last day of a range ("du 7 au 15 octobre"), lower case.
    #[serde(default)]
    pub day_range_joiners: Vec<String>,
    /// Words that open a range of days ("from 7 to 15 October"), lower case.
    #[serde(default)]
    pub day_range_openers: Vec<String>,
}

/// `numbers.toml`: how numbers are written in words. Keys are lower case;
/// multi-word keys ("quatre vingt") match hyphen- or space-separated words.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    /// The decimal separator of digits ("," in "1,5 million"); the other of `.` and `,` groups thousands.
    #[serde(default = "default_decimal")]
    pub decimal_separator: char,
    /// Cardinal words and their values; 100 and 1000 multiply what precedes them.
    #[serde(default)]
    pub words: HashMap<String, u64>,
    /// Words joining number words without ending the number ("et", "y", "and").
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Endings glued to digits that make an ordinal ("1er", "21st"): a rank or a day, never a count.
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Number words that are also indefinite articles ("un", "a").
    #[serde(default)]
    pub articles: Vec<String>,
    /// Words that cannot start a number ("hundred" in "several hundred").
    #[serde(default)]
    pub not_alone: Vec<String>,
    /// Determiners that make a collective noun a count ("le millier").
    #[serde(default)]
    pub collective_determiners: Vec<String>,
    /// Scale words that multiply the number before them (million).
    #[serde(default)]
    pub scales: HashMap<String, u64>,
    /// Collective nouns meaning "about N" ("cinquantaine").
    #[serde(default)]
    pub collectives: HashMap<String, u64>,
    /// Fractions of a scale ("demi" in "un demi-million").
    #[serde(default)]
    pub fractions: HashMap<String, f64>,
    /// Scale letters glued to digits, case kept ("1.2M", "100K"); "5m" is a length, so it stays out.
    #[serde(default)]
    pub glued_scales: HashMap<String, u64>,
}

fn default_decimal() -> char {
    '.'
}

/// Frequent words of the language, lower case, with their frequency rank (0 = most frequent).
pub struct Lexicon {
    // Looked up for every long unknown word of every article: a fast hasher pays.
    ranks: foldhash::HashMap<&'static str, u32>,
}

impl Lexicon {
    fn parse(text: &'static str) -> Self {
        let words = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        let mut ranks = foldhash::HashMap::default();
        for (rank, word) in words.enumerate() {
            ranks.entry(word).or_insert(rank as u32);
        }
        Lexicon { ranks }
    }

    /// The rank of a lower-case word, `None` when the word is not in the lexicon.
    pub fn rank(&self, lowercase_word: &str) -> Option<u32> {
        self.ranks.get(lowercase_word).copied()
    }

    pub fn len(&self) -> usize {
        self.ranks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranks.is_empty()
    }
}

impl Language {
    /// Parses one language's embedded files. The files ship inside the
    /// binary and a unit test loads them, so a malformed file is a build bug.
    pub(crate) fn load(code: &'static str, files: &[(&str, &'static str)]) -> Language {
        let file = |name: &str| files.iter().find(|(n, _)| *n == name).map(|(_, text)| *text);
        fn parse<T: serde::de::DeserializeOwned>(code: &str, name: &str, text: &str) -> T {
            toml::from_str(text).unwrap_or_else(|e| panic!("lang/{code}/{name}: {e}"))
        }
        let meta: LangFile = parse(code, "lang.toml", file("lang.toml").unwrap_or_else(|| panic!("lang/{code}/lang.toml is missing")));
        let whatlang = whatlang::Lang::from_code(&meta.whatlang)
            .unwrap_or_else(|| panic!("lang/{code}/lang.toml: whatlang code {:?} is unknown", meta.whatlang));
        Language {
            code,
            name: meta.name,
            whatlang,
            cleaning: file("cleaning.toml").map(|t| parse(code, "cleaning.toml", t)).unwrap_or_default(),
            dates: file("dates.toml").map(|t| parse(code, "dates.toml", t)).unwrap_or_default(),
            numbers: file("numbers.toml").map(|t| parse(code, "numbers.toml", t)).unwrap_or_default(),
            figures: file("figures.toml").map(|t| parse::<Figures>(code, "figures.toml", t).validated(code)).unwrap_or_default(),
            sources: file("sources.toml").map(|t| parse(code, "sources.toml", t)).unwrap_or_default(),
            events: file("events.toml").map(|t| parse(code, "events.toml", t)).unwrap_or_default(),
            lexicon: Lexicon::parse(file("lexicon.txt").unwrap_or("")),
        }
    }
}

impl Figures {
    /// Panics when a phrase names two metrics in one table: which one it counts would
    /// depend on the order the matcher reads them in.
    fn validated(self, code: &str) -> Figures {
        let tables = [("metric_nouns", &self.metric_nouns), ("metric_verbs", &self.metric_verbs), ("tolls", &self.tolls)];
        for (name, table) in tables {
            let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
            for (metric, phrases) in table {
                for phrase in phrases {
                    if let Some(other) = seen.insert(phrase, metric).filter(|other| *other != metric) {
                        panic!("lang/{code}/figures.toml: [{name}] lists {phrase:?} under both {other} and {metric}");
                    }
                }
            }
        }
        self
    }
}

/// `figures.toml`: the words around a human-impact figure. Metric and
/// group names are those of Vigie's model (killed, civilians, ...).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// Nouns naming a metric right after a number ("62 morts").
    #[serde(default)]
    pub metric_nouns: BTreeMap<String, Vec<String>>,
    /// Sets of endings that agree in gender and number ("é", "ée", "és", "ées"):
    /// a metric, group or people word listed with one of them matches with any.
    #[serde(default)]
    pub agreement: Vec<Vec<String>>,
    /// Sets of endings of one verb's persons and simple past tenses ("ó", "aron", "aba",
    /// "aban"): a reporting verb listed in one form matches in the others ("cifró", "cifraban").
    #[serde(default)]
    pub conjugation: Vec<Vec<String>>,
    /// Sets of auxiliaries of one compound tense in its persons and past ("a", "ont",
    /// "avait", "avaient"): a reporting phrase listed with one matches with each.
    #[serde(default)]
    pub auxiliaries: Vec<Vec<String>>,
    /// Singular nouns of one person that a headline writes without their article ("Man killed
    /// in shooting"), lower case.
    #[serde(default)]
    pub singular_people: Vec<String>,
    /// Possessives, lower case: before a singular noun of a person they stand for its article
    /// ("killed a woman and her daughter"); any may open the next count of a list ("her two sons").
    #[serde(default)]
    pub possessives: Vec<String>,
    /// The "of" of a noun's complement ("the death of a man"), lower case.
    #[serde(default)]
    pub of_words: Vec<String>,
    /// Metric phrases of missing people that tell of a search ("searching for"): they count
    /// the missing, never one person an article names (the searcher, or a job to fill).
    #[serde(default)]
    pub searches: Vec<String>,
    /// Metric nouns that are also verbs ("lives"): after a person's noun they are the verb
    /// ("his wife lives in"), so they count only right after their number, lower case.
    #[serde(default)]
    pub verb_homographs: Vec<String>,
    /// Words that mark a verb's object before it ("mató a un hombre"): they stand between
    /// a metric verb and the one it counts.
    #[serde(default)]
    pub object_markers: Vec<String>,
    /// Simple-past endings and the participle endings they give ("ó", "ado"): a reporting
    /// verb listed in the simple past also matches in its compound tenses, with the first
    /// auxiliary of the first set and then every other ("informó": "habían informado").
    #[serde(default)]
    pub participles: Vec<(String, String)>,
    /// Verbs and phrases tying a number to a metric from either side.
    #[serde(default)]
    pub metric_verbs: BTreeMap<String, Vec<String>>,
    /// Toll nouns before a number ("le bilan s'élève à 311").
    #[serde(default)]
    pub tolls: BTreeMap<String, Vec<String>>,
    /// Qualifier phrases, by qualifier name.
    #[serde(default)]
    pub qualifiers: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub list_joiners: Vec<String>,
    /// Words after a count that add it to the ones before ("una más permanece desaparecida"): no list joiner there.
    #[serde(default)]
    pub one_more: Vec<String>,
    #[serde(default)]
    pub subsets: Vec<String>,
    /// What opens a subset with any metric noun after it: "parmi les" makes "parmi les survivants" a subset of the rescued.
    #[serde(default)]
    pub subset_openers: Vec<String>,
    #[serde(default)]
    pub range_starts: Vec<String>,
    #[serde(default)]
    pub range_ends: Vec<String>,
    /// Group nouns, by group name.
    #[serde(default)]
    pub groups: BTreeMap<String, Vec<String>>,
    /// Counted nouns that say nothing of the group ("personnes").
    #[serde(default)]
    pub people: Vec<String>,
    /// People something happened to, by the metric they count unless their clause
    /// says otherwise: "victims" are killed ("80 victims remain in hospital": injured), "patients" injured.
    #[serde(default)]
    pub victims: BTreeMap<String, Vec<String>>,
    /// Words after "one" that make it one among others ("one of the victims"): no count.
    #[serde(default)]
    pub partitives: Vec<String>,
    /// Words between a death and an age written without a unit ("died at 75"): the number is the age.
    #[serde(default)]
    pub ages_after_death: Vec<String>,
    /// Endings of a verb's gerund or present participle ("-ing", "-ant", "-ando"), lower case:
    /// right before a count, such a verb starts a clause of its own, and the list before it ends.
    #[serde(default)]
    pub gerund_endings: Vec<String>,
    /// Words of an injury phrase that tell only how people were harmed ("were shot"), lower case:
    /// right after a death toll that holds them, the count breaks down the dead.
    #[serde(default)]
    pub harm_manners: Vec<String>,
    /// The end of an age that names a person by itself ("a 19-year-old was hurt",
    /// "two 17-year-olds"), lower case: the count is of people.
    #[serde(default)]
    pub aged_people: Vec<String>,
    /// Nouns of a place's population ("habitants"): after `population_of` ("une ville de 900 000 habitants") no count.
    #[serde(default)]
    pub population: Vec<String>,
    #[serde(default)]
    pub population_of: Vec<String>,
    /// Units that make a number something other than a count of people.
    #[serde(default)]
    pub not_counts: Vec<String>,
    /// A toll moving to a number ("rose to 37"); the metric was named before.
    #[serde(default)]
    pub rises: Vec<String>,
    /// A toll moving from one number to another, up to the "from": "rose from", "est passé de".
    #[serde(default)]
    pub moves: Vec<String>,
    /// Words before a number that make it no count ("el minuto 87").
    #[serde(default)]
    pub not_counts_before: Vec<String>,
    /// Nouns naming what caused deaths ("frappes", "airstrikes").
    #[serde(default)]
    pub causes: Vec<String>,
    /// Phrases that put a figure in an earlier event ("cette année-là").
    #[serde(default)]
    pub other_event: Vec<String>,
    /// Copulas between a count and who it counts ("eran", "were").
    #[serde(default)]
    pub copulas: Vec<String>,
    /// Phrases before a change between two tolls ("increased by 400").
    #[serde(default)]
    pub changes: Vec<String>,
    /// What, said of a count, makes it no human-impact figure: "2 530 d'entre eux ont été enterrés".
    #[serde(default)]
    pub not_impacts: Vec<String>,
    /// Words that open a contrasting clause ("mientras que", "while"): a list of counts does not go on past them.
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    /// Said of a count before its metric, these make the counted those who did it:
    /// "two men charged with killing a guard"; a verb before the count may still name what happened to them.
    #[serde(default)]
    pub accusations: Vec<String>,
    /// Prepositions of place that may follow a bare count ("un en Andalousie").
    #[serde(default)]
    pub locatives: Vec<String>,
    /// Kinds of area that name a place with it ("province", "región"): "Paktika province", "la région de Murcie".
    #[serde(default)]
    pub place_kinds: Vec<String>,
    /// The English word of a kind of area, for labels ("estado" = "state":
    /// "el gobierno del estado de Guerrero" is the "Guerrero state government"); a kind not listed is its own word.
    #[serde(default)]
    pub place_kind_labels: BTreeMap<String, String>,
    /// How a noun's plural is made from its singular, as pairs of endings
    /// (`["y", "ies"]`: "county", "counties"; `["", "s"]`): a count of areas
    /// ("cinq districts") is read from the singular kinds above.
    #[serde(default)]
    pub plurals: Vec<(String, String)>,
    /// Words that make a capitalised name a street ("Elm Avenue", "calle Mayor"): a place, never a speaker.
    #[serde(default)]
    pub streets: Vec<String>,
    /// Relative words that open a clause about the place named just before ("en Acapulco, donde 43 ...").
    #[serde(default)]
    pub place_relatives: Vec<String>,
    #[serde(default)]
    pub attribution_before: Vec<String>,
    #[serde(default)]
    pub attribution_after: Vec<String>,
    #[serde(default)]
    pub since: Vec<String>,
    #[serde(default)]
    pub estimates: Vec<String>,
    /// Words that deny the count right after them: "no one was hurt", "ni un solo herido".
    #[serde(default)]
    pub negations: Vec<String>,
    #[serde(default)]
    pub previous: Vec<String>,
    /// How a metric verb whose subject is its victim begins: a passive or a verb of dying
    /// ("was", "a été", "fue", "died"): "a hiker was found dead" counts one, "a bomb killed" does not.
    #[serde(default)]
    pub victim_verb_leads: Vec<String>,
    /// Active forms of metric verbs ("killed", "a tué", "mataron"): with an object after
    /// them ("two gunmen killed five people", "the shooter"), the count before them did it.
    #[serde(default)]
    pub agent_verbs: Vec<String>,
    /// Words that open the object of such a verb: determiners and possessives ("the", "leur", "a").
    #[serde(default)]
    pub object_openers: Vec<String>,
    /// Object pronouns that stand between a count and its metric verb ("a police officer shot him dead",
    /// "un policía lo mató", "un policier l'a abattu"): the count did it.
    #[serde(default)]
    pub object_pronouns: Vec<String>,
    /// Words before the earlier toll a count moved from, said after it ("rose to 1,200 from 900").
    #[serde(default)]
    pub moved_from: Vec<String>,
}

/// `events.toml`: the words that say what kind of event an article reports.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Events {
    /// Words by kind of event ("earthquake": "séisme", "magnitude", ...).
    #[serde(default)]
    pub kinds: BTreeMap<String, Vec<String>>,
    /// Words for incidents of no kind of their own ("crash", "naufrage", "tiroteo"): with the
    /// kinds, they tell a report of an event from one of a strike or a bond issue.
    #[serde(default)]
    pub incidents: Vec<String>,
}

/// `sources.toml`: how a language names who speaks for a figure.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    /// Phrases that refer back to a source named before ("l'ONG"), and what
    /// they refer to: "NGO", a word of the label ("ministry"), "any", or
    /// "last speaker" (whoever spoke last: "la même source").
    #[serde(default)]
    pub anaphora: BTreeMap<String, String>,
    /// What may stand between a group and the institution it runs, besides a space
    /// ("the Hamas-run health ministry"), lower case.
    #[serde(default)]
    pub owner_joiners: Vec<String>,
    /// Contracted articles and the article each holds ("du" = "le", "del" = "el"): a phrase that
    /// refers back with that article refers back after them too ("le bilan du ministère").
    #[serde(default)]
    pub contractions: BTreeMap<String, String>,
    /// Determiners and nouns that, put together, refer back to whoever spoke
    /// last ("cette même source", "esa dependencia", "this agency").
    #[serde(default)]
    pub referring_determiners: Vec<String>,
    #[serde(default)]
    pub referring_nouns: Vec<String>,
    /// Country names, adjectives and capitals, by ISO 3166 code.
    #[serde(default)]
    pub countries: BTreeMap<String, Vec<String>>,
    #[serde(default, rename = "institution")]
    pub institutions: Vec<Institution>,
    /// Possessives before a role that point to the place named before ("su alcaldesa").
    #[serde(default)]
    pub possessives: Vec<String>,
    /// Phrases after a regional institution that point to the place named
    /// before ("les services de secours de cette région").
    #[serde(default)]
    pub this_place: Vec<String>,
    /// First words of an NGO's name ("Observatoire", "League"), for
    /// organisations the lexicon does not know.
    #[serde(default)]
    pub ngo_heads: Vec<String>,
    /// Lower-case words inside names ("des", "of the"): "Observatoire des violences au Kivu".
    #[serde(default)]
    pub name_joiners: Vec<String>,
    /// Prepositions that introduce the agent of a passive ("établi par l'ONG"): after a cue, they lead to its speaker.
    #[serde(default)]
    pub agents: Vec<String>,
    /// Attribution phrases whose source always follows them ("selon", "according to").
    #[serde(default)]
    pub source_follows: Vec<String>,
    /// What joins a role to its place, with the space after it: "préfet de Mayotte", "mayor of Paiporta".
    #[serde(default)]
    pub place_prefixes: Vec<String>,
    /// Words of a role or honorific that may stand before a person's name
    /// ("governor", "Dr"): not part of the name, and enough to make one word a name.
    #[serde(default)]
    pub titles: Vec<String>,
    /// Words that make a capitalised name an organisation, not a person ("Ministry", "Fiscalía").
    #[serde(default)]
    pub org_heads: Vec<String>,
    /// Lower-case particles inside people's names, between capitalised words ("bin", "al", "van").
    #[serde(default)]
    pub name_particles: Vec<String>,
    /// Plural or common nouns for people who give figures ("officials", "rescuers"): a phrase
    /// ending on one of them right before a reporting verb is its subject ("hospital officials said").
    #[serde(default)]
    pub speaker_heads: Vec<String>,
    /// Subject pronouns that stand for the last person who spoke ("he said").
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Words after which a name is whom, where or through what one speaks ("told AFP", "sur Telegram").
    #[serde(default)]
    pub not_speaker_after: Vec<String>,
    /// Phrases before the outlet that relays a speaker ("cité par l'agence Tass", "were quoted by AP"):
    /// the name after them never speaks, and they do not part the speaker from its verb.
    #[serde(default)]
    pub relays: Vec<String>,
    /// Words that make a name a news outlet ("TOLO News"): outlets relay, they do not speak.
    #[serde(default)]
    pub media_heads: Vec<String>,
    /// Cues after which the name that follows is whom one speaks to ("told the BBC").
    #[serde(default)]
    pub tells: Vec<String>,
    /// Words for what is said rather than who says it ("bilan", "report"): no descriptor speaks with them.
    #[serde(default)]
    pub reports: Vec<String>,
    /// Nouns of a count whose owner speaks for it ("el balance de la AFAD", "the ministry's toll"), lower case.
    #[serde(default)]
    pub tallies: Vec<String>,
    /// Words just before a reporting verb that make it impersonal ("se había confirmado",
    /// "on a annoncé"), lower case: the verb names no one, and no earlier speaker goes on through it.
    #[serde(default)]
    pub impersonal: Vec<String>,
    /// Objects of a reporting verb that point back to the sentence before ("a confirmé cette information").
    #[serde(default)]
    pub points_back: Vec<String>,
    /// Phrases naming a count already given, lower case: a speech in a sentence that counts
    /// nothing but names one ("The deaths were confirmed by the coroner") vouches for the sentence before.
    #[serde(default)]
    pub counts_named: Vec<String>,
    /// Auxiliaries and adverbs that may stand between a subject and its reporting verb
    /// ("NAME avait plus tôt évoqué", "NAME had earlier said"), lower case.
    #[serde(default)]
    pub verb_leads: Vec<String>,
    /// What a paragraph of one attribution may say besides its speaker and verb to credit the whole
    /// article to that speaker ("X writes about this", "Así lo informó X"), lower case.
    #[serde(default)]
    pub credits: Vec<String>,
    /// Words that open what a reporting verb reports ("que", "that"): its inverted subject never stands past them.
    #[serde(default)]
    pub reported_clause: Vec<String>,
    /// Connectives that add to what was just reported ("en outre", "moreover"): a paragraph they
    /// open goes on with the speaker before, whoever else it names. Lower case.
    #[serde(default)]
    pub additives: Vec<String>,
    /// Adjectives that qualify a national institution, with their English word
    /// ("gouvernement fédéral": "federal"): the label keeps them.
    #[serde(default)]
    pub institution_qualifiers: BTreeMap<String, String>,
}

/// A source named by its role ("ministère de l'Intérieur").
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    /// The English label ("interior ministry").
    pub name: String,
    /// The label takes the country's adjective: "Moroccan interior ministry".
    #[serde(default)]
    pub national: bool,
    /// The label takes the place named after the phrase: "prefect of Mayotte".
    #[serde(default)]
    pub of_place: bool,
    /// The label takes the region named after the phrase, in front:
    /// "services de secours de Valence" gives "Valencia emergency services".
    #[serde(default)]
    pub regional: bool,
    /// Without a place after it, the role is that of the country the article is
    /// about ("le préfet" in an article about Mayotte is the prefect of Mayotte).
    #[serde(default)]
    pub of_country: bool,
    /// A town's own body ("el ayuntamiento"): with no place named with it,
    /// it is that of the town named last before it.
    #[serde(default)]
    pub local: bool,
    pub phrases: Vec<String>,
    /// Phrases that make a count this institution's with no verb to bind them ("officiellement",
    /// "the official toll"): they speak for their sentence, or for the one before when theirs counts nothing.
    #[serde(default)]
    pub official: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "lists \"evacuees\" under both displaced and evacuated")]
    fn a_phrase_naming_two_metrics_is_refused() {
        let text = "[metric_nouns]\ndisplaced = [\"evacuees\"]\nevacuated = [\"evacuees\"]\n";
        toml::from_str::<Figures>(text).unwrap().validated("xx");
    }
}
