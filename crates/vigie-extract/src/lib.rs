//! Extraction: from a clean article to its figures, entities and places.
//!
//! [`numbers`] reads numbers written in digits or words; [`cues`] finds the
//! phrases of a language's `figures.toml`; [`figures`] ties numbers to
//! metrics, qualifiers and groups; [`sources`] and [`dates`] say who gave a
//! figure and for which day; [`entities`] finds organisations, groups,
//! people and places (GeoNames gazetteer).

mod acronyms;
mod config;
pub mod cues;
pub mod dates;
pub mod entities;
pub mod explain;
pub mod figures;
pub mod names;
pub mod numbers;
pub mod places;
pub mod posts;
pub mod sources;
pub mod speakers;

/// Whether `text[range]` stands as whole words: no letter or digit glued on either side.
pub fn whole_words(text: &str, range: std::ops::Range<usize>) -> bool {
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !glued(text[..range.start].chars().next_back()) && !glued(text[range.end..].chars().next())
}

/// Whether `before` ends with the word or phrase `w`, any case: "según su" ends with "su".
pub(crate) fn ends_with_word(before: &str, w: &str) -> bool {
    let Some(cut) = before.len().checked_sub(w.len()) else { return false };
    before.get(cut..).is_some_and(|tail| tail.eq_ignore_ascii_case(w)) && !before[..cut].ends_with(char::is_alphanumeric)
}

/// Whether `after` starts, past spaces, with the word or phrase `w`, any case.
pub(crate) fn starts_with_word(after: &str, w: &str) -> bool {
    let after = after.trim_start();
    after.get(..w.len()).is_some_and(|head| head.eq_ignore_ascii_case(w)) && !after[w.len()..].starts_with(char::is_alphanumeric)
}

/// Whether the lower-case `text` holds the phrase `w` as whole words.
pub(crate) fn contains_word(text: &str, w: &str) -> bool {
    text.match_indices(w).any(|(at, _)| whole_words(text, at..at + w.len()))
}

/// Short aliases with capitals ("OSDH", "Sana") are acronyms: they match only as written.
pub(crate) fn case_sensitive(alias: &str) -> bool {
    alias.chars().count() <= 5 && alias.chars().any(char::is_uppercase)
}

/// Whether `written`, found by a case-blind match of `alias`, is that name: a short
/// acronym as written ("UN", not "un"), a name with capitals not in lower-case words
/// ("Save the Children", not "to save the children").
pub(crate) fn written_as(alias: &str, written: &str) -> bool {
    if case_sensitive(alias) {
        written == alias
    } else {
        !alias.chars().any(char::is_uppercase) || written.chars().any(char::is_uppercase)
    }
}

use chrono::Datelike;
use config::PREVIOUS_DATE_WORDS;
use entities::{ArticleEntity, EntityFinder};
use figures::FigureFinder;
use names::NameReader;
use places::PlaceReader;
use sources::SourceFinder;
use std::collections::HashMap;
use std::sync::OnceLock;
use vigie_lang::Languages;
use vigie_model::{Article, AsOfOrigin, DatePrecision, Figure, RemovalKind};

/// What was worked out about a raw figure: who gave it, for which day and
/// place, the total it breaks down, and what kind of count it is.
#[derive(Default)]
struct Reading<'a> {
    source: Option<&'a speakers::Attribution>,
    as_of: Option<(chrono::NaiveDate, AsOfOrigin)>,
    place: Option<String>,
    part_of: Option<usize>,
    note: Option<String>,
}

/// A figure of `article` from a raw figure, its original span and its reading.
fn figure(article: &Article, raw: &figures::RawFigure, span: std::ops::Range<usize>, reading: Reading) -> Figure {
    let Reading { source, as_of, place, part_of, note } = reading;
    let source_span = source.map(|s| article.original_span(s.span.clone()));
    let label = source.map(|s| label_as_written(article, s));
    Figure {
        article: article.id.clone(),
        metric: raw.metric,
        value: raw.value,
        high: raw.high,
        qualifier: raw.qualifier,
        group: raw.group,
        cause: raw.cause.clone().map(|c| article.original[article.original_span(c)].to_string()),
        source_id: label.as_ref().map(|l| l.to_lowercase()),
        source: label,
        source_org: source.and_then(|s| s.org.clone()),
        source_text: source_span.clone().map(|s| article.original[s].to_string()),
        source_start: source_span.clone().map(|s| s.start),
        source_end: source_span.map(|s| s.end),
        place,
        as_of: as_of.map(|(d, _)| d),
        as_of_precision: as_of.map(|_| DatePrecision::Day),
        as_of_origin: as_of.map(|(_, o)| o),
        quote: article.original[span.clone()].to_string(),
        start: span.start,
        end: span.end,
        lang: article.lang.clone(),
        part_of,
        note,
    }
}

/// A source named as the text writes it keeps the original spelling ("d’urgence"), spaces collapsed.
fn label_as_written(article: &Article, source: &speakers::Attribution) -> String {
    if article.text.get(source.span.clone()) != Some(source.label.as_str()) {
        return source.label.clone();
    }
    as_written(article, source.span.clone())
}

/// The original text behind a span of the clean text, spaces collapsed.
fn as_written(article: &Article, span: std::ops::Range<usize>) -> String {
    article.original[article.original_span(span)].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The boilerplate kind of links to other articles (`lang/*/cleaning.toml`).
const RELATED: &str = "related";
/// The note of a figure stated in such a link.
const RELATED_NOTE: &str = "related article link";

/// A year this close after a figure ("... morts depuis 2011") dates it to another event.
const OTHER_EVENT_AFTER: usize = 60;
/// ... or this close before it ("la guerre qui a éclaté en 2011, et qui a fait ...").
const OTHER_EVENT_BEFORE: usize = 60;

/// In an undated article, a figure dated by nothing else takes the event day told this many sentences before it, in its paragraph.
const UNDATED_EVENT_SENTENCES: usize = 2;

/// A year this close to the start of a sentence frames all of it ("En février 2004, un séisme ... 628 morts").
const SENTENCE_FRAME: usize = 20;

/// How many sentences on a tally's date still carries to its parts.
const TALLY_REACH: usize = 2;

/// One language's finders.
struct Finders {
    figures: FigureFinder,
    sources: SourceFinder,
    names: NameReader,
    places: PlaceReader,
    entities: EntityFinder,
    /// The language's related-article patterns ("Lire aussi : ..."), for links left inside a paragraph.
    related: vigie_text::Boilerplate,
    lang: &'static vigie_lang::Language,
}

/// Extracts figures from articles in any language Vigie has data for.
/// Each language's automata are built on first use.
pub struct Extractor {
    finders: Vec<(&'static str, OnceLock<Finders>)>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    pub fn new() -> Self {
        Extractor { finders: Languages::get().all().iter().map(|l| (l.code, OnceLock::new())).collect() }
    }

    fn finder(&self, code: &str) -> Option<&Finders> {
        let (_, cell) = self.finders.iter().find(|(c, _)| *c == code)?;
        Some(cell.get_or_init(|| {
            let lang = Languages::get().by_code(code).expect("listed language");
            let related = vigie_text::Boilerplate::new(lang.cleaning.boilerplate.iter().filter(|r| r.kind == RELATED));
            Finders {
                figures: FigureFinder::new(lang),
                sources: SourceFinder::new(lang),
                names: NameReader::new(lang),
                places: PlaceReader::new(lang),
                entities: EntityFinder::new(lang),
                related,
                lang,
            }
        }))
    }

    /// The entities of one article (known organisations, groups, people, events, places with
    /// coordinates, and the people and organisations its names show), each mention's span in the original text.
    pub fn entities(&self, article: &Article) -> Vec<ArticleEntity> {
        let mut found = article.lang.as_deref().map(|lang| self.entities_in(lang, &article.text)).unwrap_or_default();
        for span in found.iter_mut().flat_map(|e| e.spans.iter_mut()) {
            let original = article.original_span(span[0]..span[1]);
            *span = [original.start, original.end];
        }
        found
    }

    /// The entities of a clean text in language `lang` (ISO 639-1).
    pub fn entities_in(&self, lang: &str, text: &str) -> Vec<ArticleEntity> {
        match self.finder(lang) {
            Some(f) => f.entities.entities(text),
            None => Vec::new(),
        }
    }

    /// The entities that tell stories apart: those of the lists and the
    /// gazetteer, other names untyped (see [`EntityFinder::listed_entities`]).
    pub fn story_entities(&self, article: &Article) -> Vec<ArticleEntity> {
        article.lang.as_deref().map(|lang| self.story_entities_in(lang, &article.text)).unwrap_or_default()
    }

    /// The same for a clean text in language `lang`.
    pub fn story_entities_in(&self, lang: &str, text: &str) -> Vec<ArticleEntity> {
        match self.finder(lang) {
            Some(f) => f.entities.listed_entities(text),
            None => Vec::new(),
        }
    }

    /// The figures of one article: one per distinct (metric, value, group), first mention kept.
    pub fn figures(&self, article: &Article) -> Vec<Figure> {
        self.extract(article, None)
    }

    /// The figures of one article, each with why it was read as it was: the
    /// rule that made it a figure, the speeches considered for its source and
    /// the dates for its day (`vigie extract --explain`).
    pub fn explain(&self, article: &Article) -> Vec<(Figure, explain::Why)> {
        let mut why = Vec::new();
        let figures = self.extract(article, Some(&mut why));
        figures.into_iter().zip(why).collect()
    }

    /// The figures of an article in its language, then those of paragraphs
    /// written in another one ("#BREAKING: At least 255 people have been
    /// killed", a tweet quoted in a Spanish report), read with that
    /// language's rules; a claim the article already made is not repeated.
    fn extract(&self, article: &Article, mut why: Option<&mut Vec<explain::Why>>) -> Vec<Figure> {
        let mut out = self.extract_in_language(article, why.as_deref_mut());
        for (lang, text) in self.foreign_paragraphs(article) {
            let foreign = Article { lang: Some(lang.to_string()), text, ..article.clone() };
            let mut foreign_why = Vec::new();
            let found = self.extract_in_language(&foreign, why.is_some().then_some(&mut foreign_why));
            let mut reasons = foreign_why.into_iter();
            for f in found {
                let reason = reasons.next();
                if out.iter().any(|o| o.metric == f.metric && o.value == f.value) {
                    continue;
                }
                out.push(f);
                if let (Some(why), Some(reason)) = (why.as_deref_mut(), reason) {
                    why.push(reason);
                }
            }
        }
        out
    }

    /// The paragraphs of `article` written in another language Vigie reads,
    /// by language, each as a copy of the text where every other paragraph is
    /// blank: offsets stay those of the article.
    fn foreign_paragraphs(&self, article: &Article) -> Vec<(&'static str, String)> {
        let Some(own) = article.lang.as_deref() else { return Vec::new() };
        let Some(own_lexicon) = self.finder(own).map(|f| &f.lang.lexicon) else { return Vec::new() };
        // A paragraph full of the article's own function words is in its language: no need to ask the detector.
        let own_words = |line: &str| full_of_function_words(own_lexicon, line);
        let mut foreign: Vec<(&'static str, Vec<std::ops::Range<usize>>)> = Vec::new();
        let mut start = 0;
        let mut last_foreign: Option<(&'static str, usize)> = None;
        for line in article.text.split('\n') {
            let span = start..start + line.len();
            start = span.end + 1;
            // "— Rescue Network (@RescueNet) May 2": the signature of the post above goes with it.
            if let Some((lang, end)) = last_foreign.filter(|&(_, end)| end + 1 == span.start && line.starts_with(['—', '–'])) {
                if let Some((_, spans)) = foreign.iter_mut().find(|(l, _)| *l == lang) {
                    spans.push(span.clone());
                }
                last_foreign = Some((lang, end));
                continue;
            }
            // Lines with a digit, and the lines that go on a foreign one (the rest of a post).
            let goes_on = last_foreign.is_some_and(|(_, end)| end + 1 == span.start);
            let counted = goes_on || line.bytes().any(|b| b.is_ascii_digit());
            if !counted || line.split_whitespace().count() < config::FOREIGN_PARAGRAPH_WORDS || own_words(line) {
                continue;
            }
            let Some((lang, confidence)) = vigie_lang::detect(line) else { continue };
            if lang == own || confidence < config::FOREIGN_PARAGRAPH_CONFIDENCE || self.finder(lang).is_none() {
                continue;
            }
            last_foreign = Some((lang, span.end));
            match foreign.iter_mut().find(|(l, _)| *l == lang) {
                Some((_, spans)) => spans.push(span),
                None => foreign.push((lang, vec![span])),
            }
        }
        foreign
            .into_iter()
            .map(|(lang, spans)| {
                let mut text = String::with_capacity(article.text.len());
                for (at, c) in article.text.char_indices() {
                    if c == '\n' || spans.iter().any(|s| s.contains(&at)) {
                        text.push(c);
                    } else {
                        text.extend(std::iter::repeat_n(' ', c.len_utf8()));
                    }
                }
                (lang, text)
            })
            .collect()
    }

    fn extract_in_language(&self, article: &Article, mut why: Option<&mut Vec<explain::Why>>) -> Vec<Figure> {
        let Some(finders) = article.lang.as_deref().and_then(|l| self.finder(l)) else { return Vec::new() };
        let mut found = finders.figures.find(&article.text);
        if article.published.is_none() {
            found.carry_years();
        }
        // Posts give a speaker and a day to figures: only articles with figures are searched for them.
        // A post quoted in another language than the article's ends where the article's language resumes.
        let own = &finders.lang.lexicon;
        let posts = if found.figures.is_empty() {
            Vec::new()
        } else {
            posts::posts(&article.text, article.published, |a, b| full_of_function_words(own, a) == full_of_function_words(own, b))
        };
        // Sources need the article's country, which takes a pass of the entity finder: only for articles with figures.
        let speeches = if found.figures.is_empty() {
            speakers::Speakers::default()
        } else {
            let country = finders.entities.main_country(&article.text);
            let lexicon = finders.sources.sources(&article.text, country.as_deref());
            let names = finders.names.names(&article.text, &found.sentences, &found.attributions);
            speakers::speeches(finders.lang, &article.text, &found, &lexicon, &names, &posts)
        };
        let raw = &found.figures;
        let day = article.published.and_then(|p| p.exact_day());
        // A figure stated several times takes the best-evidenced source of its
        // mentions: a headline's "2681 deaths" is the ministry's when the body says so.
        let mut best_source: HashMap<(vigie_model::Metric, u64, vigie_model::Group), speakers::Attribution> = HashMap::new();
        // ... and the day a later mention states ("said on Wednesday" after a headline without a day).
        let mut stated_day: HashMap<(vigie_model::Metric, u64, vigie_model::Group), chrono::NaiveDate> = HashMap::new();
        for f in raw.iter().filter(|f| !f.previous && !f.other_event) {
            if let Some(date) = dates::stated(&found.dates, f.sentence, article.published) {
                stated_day.entry((f.metric, f.value, f.group)).or_insert(date);
            }
        }
        // Equally evidenced, a name says more than a description of a body: "the local authorities",
        // then the governor by name (a role, "the mayor", is one person already).
        let named = |a: &speakers::Attribution| a.label.chars().any(char::is_uppercase);
        let role = |a: &speakers::Attribution| a.label.split(' ').any(|w| finders.names.is_title(w));
        for f in raw.iter() {
            if let Some(a) = speakers::attribute(&article.text, &found, &speeches, f) {
                let best = best_source.entry((f.metric, f.value, f.group)).or_insert_with(|| a.clone());
                if a.evidence > best.evidence || a.evidence == best.evidence && named(&a) && !named(best) && !role(best) {
                    *best = a;
                }
            }
        }
        let year = article.published.map(|p| p.date.year());
        // Where each distinct (metric, value, group) was kept in `out`.
        let mut seen = HashMap::new();
        let mut index_of = vec![None; raw.len()];
        // Whether each raw figure repeats one kept before it.
        let mut repeats = vec![false; raw.len()];
        let mut out: Vec<Figure> = Vec::new();
        // The sentence and the source of each figure in `out`.
        let mut kept_sentences: Vec<usize> = Vec::new();
        let mut sources_of: Vec<Option<speakers::Attribution>> = Vec::new();
        // The place read in the clause of each figure kept in `out`, its sentence, and whether it is
        // another event's: for telling repeats from counts elsewhere, and the event's own place.
        let mut places_of: Vec<(Option<std::ops::Range<usize>>, usize, bool)> = Vec::new();
        // "... depuis lundi. Lire : Au moins 90 morts dans une nouvelle offensive": a
        // link left inside a paragraph; its figures come last, if the body does not state them.
        let in_link = |f: &figures::RawFigure| {
            found.sentences.get(f.sentence).is_some_and(|s| finders.related.kind_of(article.text[s.clone()].trim()).is_some())
        };
        let mut linked: Vec<&figures::RawFigure> = Vec::new();
        for (i, f) in raw.iter().enumerate() {
            if in_link(f) {
                linked.push(f);
                continue;
            }
            let sentence = found.sentences.get(f.sentence).cloned().unwrap_or(0..0);
            // The place the figure's clause restricts it to, read once.
            let clause_place = finders.places.place(&article.text, sentence.clone(), f.number.clone());
            // "dos en Playa Tlacopanocha, dos en Pie de la Cuesta", "dos niños ... y dos menores": the same
            // count in two places or two items of one sentence's list is two figures; a toll restated
            // elsewhere often names a place again.
            let repeated = seen.get(&(f.metric, f.value, f.group)).copied().filter(|&kept: &usize| {
                let (kept_place, kept_sentence, _) = &places_of[kept];
                let elsewhere = match (kept_place, &clause_place) {
                    (Some(a), Some(b)) => article.text[a.clone()].to_lowercase() != article.text[b.clone()].to_lowercase(),
                    _ => false,
                };
                // A list item after a repeated one repeats a whole list: "2 012 morts et 2 059 blessés" twice.
                let new_item = f.listed && i > 0 && raw[i - 1].sentence == f.sentence && !repeats[i - 1];
                // A count that takes its metric from a list by places ("dos en la colonia X") is a count of that place.
                !((elsewhere || new_item) && f.sentence == *kept_sentence || elsewhere && f.listed)
            });
            repeats[i] = repeated.is_some();
            if let Some(kept) = repeated {
                index_of[i] = Some(kept);
                continue;
            }
            seen.insert((f.metric, f.value, f.group), out.len());
            index_of[i] = Some(out.len());
            // A part of a tally stated earlier ("31 morts, parmi lesquels 22 ...") shares its source and date.
            let part_of = f.part_of.and_then(|p| index_of.get(p).copied().flatten());
            let total = part_of.map(|p: usize| &out[p]);
            let span = article.original_span(f.span.clone());
            // "plus d'un demi-million de morts depuis 2011", "en 2016 (299)": an earlier event.
            // "In June 2022, a quake struck ... . The quake killed 1,000": a paragraph opened by an earlier
            // year is about that year, down to a sentence that dates itself.
            let paragraph = speakers::paragraph_of(&article.text, &found, f.number.start);
            let opening = found.sentences.get(found.sentences.partition_point(|r| r.start < paragraph.start)).cloned().unwrap_or(0..0);
            let dates_itself = || {
                found.dates.iter().any(|d| d.sentence == f.sentence && !d.since)
                    || found.years.iter().any(|(at, _, _)| sentence.contains(at))
            };
            let earlier_paragraph = year.is_some_and(|y| {
                opening != sentence
                    && found
                        .years
                        .iter()
                        .any(|&(at, written, _)| written < y && opening.contains(&at) && at - opening.start <= SENTENCE_FRAME)
                    && !dates_itself()
            });
            let other_event = f.other_event
                || earlier_paragraph
                || year.is_some_and(|y| {
                    // "les plus violents depuis 2020, ... 270 morts" compares; "... morts depuis 2011" counts since.
                    found.years.iter().filter(|(at, _, since)| sentence.contains(at) && !(*since && *at < f.number.start)).any(
                        |&(at, written, _)| {
                            written < y
                                && (at >= f.number.end && at - f.number.end <= OTHER_EVENT_AFTER
                                    || at < f.number.start && f.number.start - at <= OTHER_EVENT_BEFORE
                                    || at < f.number.start && at - sentence.start <= SENTENCE_FRAME)
                        },
                    )
                });
            // A part takes its total's source, unless a speech of its own covers it ("Four of them are children, X said").
            let own = best_source.get(&(f.metric, f.value, f.group));
            let own_speech = own.is_some_and(|a| a.evidence == speakers::Evidence::Covered);
            let from_total = part_of.and_then(|p| sources_of[p].clone()).filter(|_| !own_speech);
            let shares_total = from_total.is_some();
            let source = if other_event { None } else { from_total.or_else(|| own.cloned()) };
            // An earlier toll keeps only a date its sentence states ("the previous toll announced on Saturday").
            // Parts of a tally share its date: a sentence that dates nothing
            // continues the dated tally of the same source in the sentence before.
            // The nearest earlier sentence with figures, within TALLY_REACH sentences.
            let tally_date = || {
                let (last, &before) = out.iter().zip(&kept_sentences).rev().find(|(_, &s)| s < f.sentence)?;
                if f.sentence - before > TALLY_REACH {
                    return None;
                }
                let date = dates::stated(&found.dates, before, article.published)?;
                (last.source == source.as_ref().map(|s| label_as_written(article, s)) && last.as_of == Some(date)).then_some(date)
            };
            let stated = |d: chrono::NaiveDate| (d, AsOfOrigin::Stated);
            let inherited = |d: chrono::NaiveDate| (d, AsOfOrigin::Inherited);
            let as_of = match (other_event, f.previous) {
                (true, _) => None,
                (false, true) => {
                    // Reached from the first earlier toll of the sentence: "the previous toll, on Saturday, was 2,012 dead and 2,059 injured".
                    let head = raw.iter().filter(|g| g.previous && g.sentence == f.sentence).map(|g| g.number.start).min();
                    let at = head.unwrap_or(f.number.start);
                    dates::stated_near(&article.text, &found.dates, f.sentence, at, PREVIOUS_DATE_WORDS, article.published)
                        .or_else(|| dates::opening(&article.text, &found.dates, f.sentence, sentence.clone(), article.published))
                        .map(stated)
                }
                (false, false) => posts
                    .iter()
                    .find_map(|p| p.day.filter(|_| p.text.contains(&f.number.start)))
                    .map(stated)
                    .or_else(|| dates::stated(&found.dates, f.sentence, article.published).map(stated))
                    // "Otro sismo golpeó este miércoles ... este último terremoto provocó un muerto": the day of the
                    // event pointed back to, when the sentence before tells of the event and counts nothing (else its tally's day holds).
                    // An undated article has no day of its own to give: the event day told shortly before in the paragraph holds.
                    .or_else(|| {
                        // Figures are in text order: the first of sentence `s`, if any, is found by binary search.
                        let counts = |s: usize| {
                            found.figures.get(found.figures.partition_point(|g| g.sentence < s)).is_some_and(|g| g.sentence == s)
                        };
                        if found.referring_sentences.binary_search(&f.sentence).is_ok() {
                            let previous = f.sentence.checked_sub(1)?;
                            return dates::any_stated(&found.dates, previous, article.published).filter(|_| !counts(previous)).map(stated);
                        }
                        if day.is_some() {
                            return None;
                        }
                        let in_paragraph =
                            |p: &usize| found.sentences.get(*p).is_some_and(|r| !article.text[r.start..sentence.start].contains('\n'));
                        (f.sentence.saturating_sub(UNDATED_EVENT_SENTENCES)..f.sentence)
                            .rev()
                            .take_while(|p| in_paragraph(p) && !counts(*p))
                            .find_map(|p| dates::any_stated(&found.dates, p, article.published))
                            .map(stated)
                    })
                    .or(total.and_then(|t| t.as_of).map(inherited))
                    .or_else(|| stated_day.get(&(f.metric, f.value, f.group)).copied().map(stated))
                    .or_else(|| tally_date().map(inherited))
                    .or(day.map(|d| (d, AsOfOrigin::Published))),
            };
            kept_sentences.push(f.sentence);
            let note = if other_event {
                Some("other event".to_string())
            } else if f.previous {
                Some("previous toll".to_string())
            } else if f.estimate {
                Some("estimate".to_string())
            } else {
                None
            };
            if let Some(why) = why.as_deref_mut() {
                why.push(explain::Why::new(&article.text, &found, &speeches, f, source.as_ref(), shares_total, as_of, other_event));
            }
            places_of.push((clause_place.clone(), f.sentence, other_event));
            let place = clause_place.filter(|_| !other_event).map(|p| finders.places.label(&as_written(article, p)));
            out.push(figure(article, f, span, Reading { source: source.as_ref(), as_of, place, part_of, note }));
            sources_of.push(source);
        }
        // The event's own place (in the headline, or named again and again) covers all of it, unless
        // counts close by are broken down by place ("43 in Acapulco and 5 in Coyuca").
        let name_of = |p: &std::ops::Range<usize>| article.text[p.clone()].to_string();
        // Another event's place is none of this event's.
        let own_place = |(place, _, other_event): &(Option<std::ops::Range<usize>>, usize, bool)| place.clone().filter(|_| !other_event);
        for (i, entry) in places_of.iter().enumerate() {
            let (Some(p), s) = (own_place(entry), entry.1) else { continue };
            let by_place = places_of.iter().any(|q| q.1.abs_diff(s) <= 1 && own_place(q).is_some_and(|q| name_of(&q) != name_of(&p)));
            if places::is_main(&article.text, &found.sentences, p) && !by_place {
                out[i].place = None;
            }
        }
        // Links to other articles ("Lire aussi : Au moins 200 morts ...") state
        // figures too: those left inside a paragraph, and those cleaning
        // removed, read again from the original.
        let left_in = linked.into_iter().map(|f| (f.clone(), article.original_span(f.span.clone())));
        let removed = article.removed.iter().filter(|r| r.kind == RemovalKind::Boilerplate && r.detail == RELATED).flat_map(|removed| {
            let line = &article.original[removed.start..removed.end];
            finders.figures.find(line).figures.into_iter().map(|f| {
                let span = removed.start + f.span.start..removed.start + f.span.end;
                (f, span)
            })
        });
        for (mut f, span) in left_in.chain(removed) {
            if seen.contains_key(&(f.metric, f.value, f.group)) {
                continue;
            }
            seen.insert((f.metric, f.value, f.group), out.len());
            f.cause = None;
            if let Some(why) = why.as_deref_mut() {
                why.push(explain::Why::related_link());
            }
            out.push(figure(article, &f, span, Reading { note: Some(RELATED_NOTE.to_string()), ..Reading::default() }));
        }
        out
    }
}

/// Whether `line` reads in the language of `lexicon`: one word in
/// `OWN_FUNCTION_WORDS_IN` at least is among its most frequent words.
fn full_of_function_words(lexicon: &vigie_lang::Lexicon, line: &str) -> bool {
    let (mut words, mut function) = (0, 0);
    for w in line.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        function += usize::from(lexicon.rank(&w.to_lowercase()).is_some_and(|r| r < config::FUNCTION_WORD_RANK));
    }
    function * config::OWN_FUNCTION_WORDS_IN >= words
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_model::{DateOrigin, Document, PublishedDate};

    fn figures_of(lang: &str, published: &str, text: &str) -> Vec<Figure> {
        let date = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
        figures_published(lang, Some(PublishedDate::day(date, DateOrigin::Metadata)), text)
    }

    fn figures_published(lang: &str, published: Option<PublishedDate>, text: &str) -> Vec<Figure> {
        let doc = Document {
            id: "t".into(),
            origin: "test".into(),
            lang: Some(lang.into()),
            published,
            text: text.into(),
            ..Document::default()
        };
        Extractor::new().figures(&vigie_ingest::Cleaner::new().clean(doc).unwrap())
    }

    /// The figures of an article that gives no publication date.
    fn undated_figures_of(lang: &str, text: &str) -> Vec<Figure> {
        figures_published(lang, None, text)
    }

    #[test]
    fn in_an_undated_article_a_count_takes_the_event_day_told_just_before_it() {
        let day = |f: &Figure| f.as_of.map(|d| d.to_string());
        let fr = "Une première secousse a frappé la vallée le lundi 3 mars 2025.\n\
                  Une réplique a eu lieu le 9 mars dans le nord. Elle a été ressentie jusqu'à la côte. Les premiers rapports font état de 4 blessés.";
        let figures = undated_figures_of("fr", fr);
        assert_eq!(figures.iter().map(day).collect::<Vec<_>>(), [Some("2025-03-09".to_string())]);
        let es = "El 12 de junio de 2024 un incendio arrasó el mercado central. Los bomberos rescataron a 20 personas.";
        assert_eq!(undated_figures_of("es", es).iter().map(day).collect::<Vec<_>>(), [Some("2024-06-12".to_string())]);
        // A paragraph of its own is not told of that day.
        let en = "Crews were called to the central market. The fire broke out on 12 June 2024.\nAt least 20 people were injured.";
        assert_eq!(undated_figures_of("en", en).iter().map(day).collect::<Vec<_>>(), [None]);
    }

    #[test]
    fn a_date_opening_its_sentence_dates_an_earlier_toll_in_it() {
        for (lang, text) in [
            ("fr", "Le bilan s'élève à 112 morts, selon la police.\n\nLa veille, les autorités faisaient état de 99 morts."),
            ("es", "El balance asciende a 112 muertos, según la policía.\n\nEn la víspera, el balance era de 99 muertos."),
            ("en", "The toll rose to 112 dead, police said.\n\nThe day before, the previous toll was 99 dead."),
        ] {
            let f = figures_of(lang, "2030-05-02", text);
            let earlier = f.iter().find(|f| f.value == 99).unwrap_or_else(|| panic!("no 99 in {text}"));
            assert_eq!(earlier.as_of, chrono::NaiveDate::from_ymd_opt(2030, 5, 1), "{text}");
        }
    }

    #[test]
    fn a_count_of_an_event_pointed_back_to_takes_its_day() {
        for (lang, text) in [
            ("es", "Otro sismo sacudió el martes la misma región. Según las autoridades, este último terremoto causó 3 muertos."),
            ("fr", "Un autre séisme a secoué mardi la même région. Selon les autorités, ce nouveau séisme a fait 3 morts."),
            ("en", "Another quake struck the same region on Tuesday. This latest quake killed 3 people, officials said."),
        ] {
            let f = figures_of(lang, "2030-05-02", text);
            let count = f.iter().find(|f| f.value == 3).unwrap_or_else(|| panic!("no 3 in {text}"));
            assert_eq!(count.as_of, chrono::NaiveDate::from_ymd_opt(2030, 4, 30), "{text}");
        }
        // A sentence before that counts already dates its tally: the parts keep that day.
        let f = figures_of("en", "2030-05-02", "The quake that struck on Tuesday killed 20 people. This quake killed 3 in the capital.");
        assert_eq!(f.iter().find(|f| f.value == 3).and_then(|f| f.as_of), chrono::NaiveDate::from_ymd_opt(2030, 5, 2));
    }

    #[test]
    fn a_paragraph_in_another_language_is_read_with_its_rules() {
        let text = "Un fuerte sismo sacudió el valle durante la noche\n\
                    Las autoridades locales informaron de 30 muertos en los pueblos del valle, según la prensa regional.\n\
                    BREAKING: At least 41 people have been killed and 120 others injured in the valley villages overnight.\n\
                    — Valley Rescue Network (@ValleyRescue) May 2, 2030\n\
                    Los equipos de rescate siguen trabajando entre los escombros de las casas.";
        let f = figures_of("es", "2030-05-02", text);
        let found = |v: u64| f.iter().find(|f| f.value == v);
        assert_eq!(found(30).map(|f| f.metric), Some(vigie_model::Metric::Killed));
        let post = found(41).expect("the English post's toll");
        assert_eq!((post.metric, post.source.as_deref()), (vigie_model::Metric::Killed, Some("Valley Rescue Network")));
        assert_eq!(found(120).map(|f| f.metric), Some(vigie_model::Metric::Injured));
    }

    #[test]
    fn only_a_lede_before_any_attribution_takes_the_most_cited_source() {
        let text = "Storm toll climbs to 57\n\
                    The storm hit the coast overnight.\n\
                    Fifty-seven people have died, the civil protection agency said.\n\
                    The coast road stays closed. Crews cleared trees all day. Schools will reopen on Monday.\n\
                    Further south, a fishing boat sank and 12 sailors died.";
        let f = figures_of("en", "2030-01-10", text);
        let source = |v: u64| f.iter().find(|f| f.value == v).unwrap().source.clone();
        assert_eq!(source(57).as_deref(), Some("emergency services"));
        assert_eq!(source(12), None, "the outlet's own background");
    }

    #[test]
    fn a_count_said_by_a_body_then_by_a_named_speaker_is_the_named_speaker_s() {
        for (lang, text) in [
            ("fr", "Cinq personnes ont été tuées dans la frappe, a-t-on appris auprès des autorités locales.\n\n« Il y a cinq morts », a annoncé le gouverneur Piotr Lassenko."),
            ("en", "Five people were killed in the strike, local authorities said.\n\n\"There are five dead,\" governor Piotr Lassenko said."),
            ("es", "Cinco personas murieron en el ataque, informaron las autoridades locales.\n\n\"Hay cinco muertos\", dijo el gobernador Piotr Lassenko."),
        ] {
            let f = figures_of(lang, "2030-01-10", text);
            let five = f.iter().find(|f| f.value == 5).unwrap_or_else(|| panic!("no 5 in {lang}"));
            assert_eq!(five.source.as_deref(), Some("Piotr Lassenko"), "{lang}");
        }
    }

    #[test]
    fn a_link_left_inside_a_paragraph_is_marked() {
        let text =
            "Les combats ont fait 90 morts depuis lundi, selon l'ONG. Lire aussi : Au moins 40 morts dans une attaque au nord du pays";
        let f = figures_of("fr", "2030-01-10", text);
        let linked = f.iter().find(|f| f.value == 40).unwrap();
        assert_eq!((linked.note.as_deref(), linked.source.as_deref(), linked.as_of), (Some("related article link"), None, None));
        assert_eq!(f.iter().find(|f| f.value == 90).unwrap().note, None);
    }

    #[test]
    fn the_same_count_in_two_places_of_one_list_is_two_figures() {
        let twos = |lang: &str, text: &str| figures_of(lang, "2030-01-10", text).iter().filter(|f| f.value == 2).count();
        assert_eq!(twos("es", "Murieron 9 personas: dos en Valencia, dos en Sevilla y cinco en Murcia."), 2);
        assert_eq!(twos("fr", "Neuf personnes sont mortes : deux à Lyon, deux à Marseille et cinq à Nice."), 2);
        assert_eq!(twos("en", "Nine people died: two in Leeds, two in Bristol and five in York."), 2);
        // A toll restated in another sentence stays one figure.
        assert_eq!(twos("en", "Two people died in Leeds. The two victims of Leeds were named on Monday."), 1);
        // Two items of one list, same count and group: two figures; a whole list said twice: one each.
        assert_eq!(twos("es", "Fallecieron seis adultos, dos niños en Olinalá y dos menores sin identificar."), 2);
        assert_eq!(twos("fr", "Inondations : 9 morts et 2 blessés. Les crues ont fait 9 morts et 2 blessés dans la vallée."), 1);
        assert_eq!(twos("en", "Floods: 9 dead and 2 injured, after floods left 9 dead and 2 injured in the valley."), 1);
    }

    #[test]
    fn a_paragraph_opened_by_an_earlier_year_is_about_that_year() {
        let note = |lang: &str, text: &str, v: u64| {
            let f = figures_of(lang, "2030-01-10", text);
            f.iter().find(|f| f.value == v).map(|f| (f.note.clone(), f.as_of))
        };
        let en = "The quake killed 30 people on Tuesday.\nIn May 2021, a stronger quake hit the same valley. It was the deadliest in decades, killing 800 people.";
        assert_eq!(note("en", en, 800), Some((Some("other event".into()), None)));
        let fr = "Le séisme a fait 30 morts mardi.\nEn mai 2021, un séisme plus fort avait frappé la vallée. Il avait fait 800 morts.";
        assert_eq!(note("fr", fr, 800), Some((Some("other event".into()), None)));
        let es = "El sismo dejó 30 muertos el martes.\nEn mayo de 2021, un sismo más fuerte golpeó el valle. Dejó 800 muertos.";
        assert_eq!(note("es", es, 800), Some((Some("other event".into()), None)));
        // A sentence that dates itself is about its own day.
        let en = "In May 2021, a quake hit the valley. On Tuesday the new quake killed 30 people.";
        assert_eq!(note("en", en, 30).map(|(n, _)| n), Some(None));
    }

    #[test]
    fn a_toll_and_the_one_it_moved_from_each_keep_their_day() {
        let days = |lang: &str, text: &str| {
            let mut out: Vec<(u64, String)> =
                figures_of(lang, "2031-03-08", text).iter().map(|f| (f.value, f.as_of.map_or("-".into(), |d| d.to_string()))).collect();
            out.sort();
            out
        };
        let expected = [(610, "2031-03-05".to_string()), (840, "2031-03-06".to_string())];
        assert_eq!(days("en", "The death toll climbed to 840 on Thursday from 610 on Wednesday, officials said."), expected);
        assert_eq!(days("fr", "Le bilan est passé de 610 morts mercredi à 840 jeudi, selon les autorités."), expected);
        assert_eq!(days("es", "La cifra de muertos pasó de 610 el miércoles a 840 el jueves, según las autoridades."), expected);
        assert_eq!(days("fr", "Le bilan s'élevait jeudi à 840 morts, contre 610 mercredi."), expected);
        assert_eq!(days("es", "El balance llegó el jueves a 840 muertos, frente a 610 el miércoles."), expected);
    }

    #[test]
    fn a_count_of_a_list_by_places_is_one_line_per_place() {
        let counts = |lang: &str, text: &str| figures_of(lang, "2030-01-10", text).iter().filter(|f| f.value == 2).count();
        let es = "Murieron ahogadas tres personas en la colonia Centro y dos en la colonia Playa.\nPor derrumbes fallecieron cinco en la colonia Alta y dos en la colonia Vista.";
        assert_eq!(counts("es", es), 2);
        let en = "Floods killed three in Harlan County and 2 in Perry County.\nLandslides killed five in Knox County and 2 in Bell County.";
        assert_eq!(counts("en", en), 2);
        let fr = "Les crues ont fait trois morts dans la commune de Lavaur et 2 dans la commune de Gaillac.\nLes glissements de terrain ont fait cinq morts dans la commune d'Albi et 2 dans la commune de Castres.";
        assert_eq!(counts("fr", fr), 2);
    }

    #[test]
    fn a_restated_figure_takes_what_its_best_mention_says() {
        // The headline states the toll without a source or a day; the body gives both.
        let text = "Floods kill at least 40 in the valley\n\
                    Heavy rain fell for two days on the towns of the valley.\n\
                    At least 40 people have died, the regional civil protection agency said on Wednesday.";
        let f = figures_of("en", "2030-01-10", text);
        let forty = f.iter().find(|f| f.value == 40).unwrap();
        assert_eq!(forty.as_of, chrono::NaiveDate::from_ymd_opt(2030, 1, 9));
        assert_eq!(f.iter().filter(|f| f.value == 40).count(), 1, "one line per distinct figure");
    }
}
