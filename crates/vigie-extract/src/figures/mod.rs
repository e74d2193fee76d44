//! Figures: numbers tied to a metric, with their qualifier and group.
//!
//! The text becomes one ordered stream of tokens (numbers, phrases with
//! their roles, other words, punctuation). Inside each sentence, a number is
//! a figure when a metric phrase sits close after it ("62 morts", "24 civils
//! tués", "329 people were injured") or before it ("a tué au moins 31
//! personnes", "death toll rose to 632"), or when it continues a list that
//! began with a figure ("1 293 morts à Al Haouz, 452 à Taroudant"). A
//! sentence that only breaks a previous total down ("Il s'agit de 65
//! combattants ..., 49 soldats") inherits that total's metric.
//!
//! The stages, each in its module with its own tests: `not_counts` sets
//! aside numbers that count no one, `phrase` reads the metric phrase
//! around a number, `lists` carries a metric along a list of counts,
//! `breakdowns` ties the parts of a total to it, and `dated` reads the
//! dates and attribution phrases of each sentence.

mod breakdowns;
mod dated;
mod lists;
mod not_counts;
mod phrase;

use crate::cues::{Cue, CueMatch, Cues};
use crate::numbers::{NumberKind, NumberMatch, NumberReader};
use breakdowns::{breakdown_after_colon, breakdown_by_sum, breakdown_in_brackets};
use lists::ListLink;
use phrase::{cause_after, Right};
use std::ops::Range;
use vigie_lang::Language;
use vigie_model::{Group, Metric, Qualifier};

/// The rule of an earlier toll a count moved from.
const MOVED_FROM: &str = "the earlier toll a count moved from";
const HARM_OF_THE_DEAD: &str = "how some of the dead just counted were harmed";
/// Words that may separate two counts of one list.
const MAX_WORDS_IN_LIST: usize = 8;
/// ... and before a bare "un" that ends a list: "trois morts dans la province voisine, deux autres plus au nord et un dans la capitale".
const MAX_WORDS_BEFORE_LAST_ONE: usize = 14;
/// An article counts one person when its noun and its verb follow within
/// this many words: "a young man died", "une personne a été tuée".
const ONE_COUNTED_WORDS: usize = 2;

/// The most words of where one person was, between their noun and their verb: "in his pickup".
const PLACE_BETWEEN_WORDS: usize = 4;

/// The tokens a possessive may stand before its noun: "her 4-year-old daughter".
const POSSESSED_NOUN_TOKENS: usize = 5;

/// Words of an age after a person: "de 7 años", "de 7 ans".
const AGE_WORDS: usize = 3;
/// The words after a number read for who it counts: "cuatro supuestos autores materiales".
const THING_PHRASE_WORDS: usize = 4;

#[derive(Clone, Copy, Debug)]
enum Item<'a> {
    Number(NumberMatch),
    Cue(CueMatch<'a>),
    Word,
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    start: usize,
    end: usize,
    item: Item<'a>,
}

/// A figure found in clean text, before attribution and dating.
#[derive(Clone, Debug, PartialEq)]
pub struct RawFigure {
    pub metric: Metric,
    pub value: u64,
    pub high: Option<u64>,
    pub qualifier: Qualifier,
    pub group: Group,
    /// The clause stating it, in clean text.
    pub span: Range<usize>,
    /// The number itself, in clean text.
    pub number: Range<usize>,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// Index (among this article's raw figures) of the total it breaks down.
    pub part_of: Option<usize>,
    /// The sentence presents it as feared or projected.
    pub estimate: bool,
    /// The sentence presents it as an earlier toll.
    pub previous: bool,
    /// The sentence places it in an earlier event ("cette année-là").
    pub other_event: bool,
    /// What caused these deaths, as said right after the figure, in clean text.
    pub cause: Option<Range<usize>>,
    /// It continues a list of counts begun by an earlier figure of its sentence: it takes its
    /// metric from the list, or gives it to the counts before it ("a man and his son died").
    pub listed: bool,
    /// The rule that made the number a figure, for `--explain`.
    pub rule: &'static str,
}

/// A date expression in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Monday = 0.
    Weekday(u8),
    /// "mardi dernier": the weekday of the week before, never the publication day.
    LastWeekday(u8),
    /// Days from the publication day: "hier" is -1.
    Relative(i8),
    /// "28 novembre", "28 novembre 2024": month 1 to 12.
    DayMonth { day: u32, month: u32, year: Option<i32> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub at: usize,
    pub sentence: usize,
    pub when: When,
    /// After "depuis", "since": the start of a period, not a count's date.
    pub since: bool,
}

/// What the finder saw in one text.
#[derive(Debug, Default)]
pub struct Found {
    pub figures: Vec<RawFigure>,
    pub sentences: Vec<Range<usize>>,
    /// Attribution phrases ("selon", "a indiqué"), in clean text.
    pub attributions: Vec<Range<usize>>,
    /// Where the lines (paragraphs) of the clean text end.
    pub line_breaks: Vec<usize>,
    pub dates: Vec<DateMention>,
    /// Years written as such ("en 2016", "depuis 2011"), with where they
    /// stand and whether a since-word precedes them.
    pub years: Vec<(usize, i32, bool)>,
    /// Sentences that name the event by pointing back to it ("este último terremoto"), in order.
    pub referring_sentences: Vec<usize>,
}

impl Found {
    /// In an undated article, a day written without its year ("le 15 octobre") is of the year of the
    /// last day written in full before it ("samedi 7 octobre 2023").
    pub fn carry_years(&mut self) {
        let mut last = None;
        for d in &mut self.dates {
            if let When::DayMonth { year, .. } = &mut d.when {
                match year {
                    Some(y) => last = Some(*y),
                    None => *year = last,
                }
            }
        }
    }
}

/// The figure finder of one language.
pub struct FigureFinder {
    numbers: NumberReader,
    cues: Cues,
    abbreviations: Vec<String>,
    dates: vigie_lang::Dates,
    figures: &'static vigie_lang::Figures,
    /// The words that name a kind of event or an incident (`events.toml`): a text naming none, and no death,
    /// injury or disappearance, has no "affected", "evacuated" or "rescued" figure
    /// ("1,800 workers will be affected", "transferred 459").
    events: vigie_text::Phrases,
    /// An event pointed back to: "este último terremoto", "this latest quake".
    referred_events: vigie_text::Phrases,
    /// Prepositions before the agent of a passive ("killed by two gunmen"): a count there did it.
    agents: &'static [String],
    /// Words that open a reported clause ("that", "que"): past "and", a new clause the count is not in.
    clause_openers: &'static [String],
    /// Frequent words, to tell a verb's ending from a function word's ("taking", not "during").
    lexicon: &'static vigie_lang::Lexicon,
}

fn tokenize<'a>(text: &str, numbers: Vec<NumberMatch>, cues: Vec<CueMatch<'a>>) -> Vec<Token<'a>> {
    let mut tokens: Vec<Token<'a>> = Vec::with_capacity(numbers.len() + cues.len() + text.len() / 6);
    let (mut n, mut c) = (numbers.into_iter().peekable(), cues.into_iter().peekable());
    let mut pos = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, ch)) = chars.peek() {
        if i < pos {
            chars.next();
            continue;
        }
        // A phrase that contains a number ("mayores de 70 años") wins over it; otherwise numbers win.
        while n.peek().is_some_and(|m| m.start < i) {
            n.next();
        }
        while c.peek().is_some_and(|m| m.start < i) {
            c.next();
        }
        let number = n.peek().filter(|m| m.start == i).copied();
        let cue = c.peek().filter(|m| m.start == i).copied();
        let token = match (number, cue) {
            (Some(num), Some(cue)) if cue.end > num.end && !cue.has(|r| r == Cue::NotCount) => {
                Token { start: i, end: cue.end, item: Item::Cue(cue) }
            }
            (Some(num), _) => Token { start: i, end: num.end, item: Item::Number(num) },
            (None, Some(cue)) if ch.is_alphanumeric() || cue.end > i + ch.len_utf8() || ch == ',' || ch == '%' => {
                Token { start: i, end: cue.end, item: Item::Cue(cue) }
            }
            _ if ch.is_alphanumeric() => {
                let end = text[i..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |e| i + e);
                Token { start: i, end, item: Item::Word }
            }
            _ if ch.is_whitespace() || ch == '\'' || ch == '-' => {
                chars.next();
                continue;
            }
            _ => Token { start: i, end: i + ch.len_utf8(), item: Item::Punct(ch) },
        };
        pos = token.end;
        tokens.push(token);
        chars.next();
    }
    tokens
}

/// The month (1 to 12) token `i` names.
fn month_of(tokens: &[Token], i: usize) -> Option<u32> {
    tokens.get(i).and_then(|t| match t.item {
        Item::Cue(c) => c.find(|r| if let Cue::Month(m) = r { Some(m as u32 + 1) } else { None }),
        _ => None,
    })
}

/// The year token `i` writes in digits.
fn year_of(tokens: &[Token], i: usize) -> Option<i32> {
    tokens.get(i).and_then(|t| match t.item {
        Item::Number(y) if y.kind == NumberKind::Digits => y.integer().filter(|v| (1900..=2100).contains(v)).map(|v| v as i32),
        _ => None,
    })
}

/// Whether token `i` is one of `words`.
fn is_one_of(text: &str, tokens: &[Token], i: usize, words: &[String]) -> bool {
    tokens.get(i).is_some_and(|t| words.iter().any(|w| text[t.start..t.end].eq_ignore_ascii_case(w)))
}

/// The metric a subset phrase before token `k` names: "entre los fallecidos hay once niños".
fn subset_of(tokens: &[Token], k: usize) -> Option<Metric> {
    tokens[..k].iter().rev().find_map(|t| match t.item {
        Item::Cue(c) => c.find(|r| if let Cue::SubsetOf(m) = r { Some(m) } else { None }),
        _ => None,
    })
}

/// The last count of metric `metric` in the sentence before sentence `s`, among `figures` before `first`.
fn named_whole(figures: &[RawFigure], first: usize, s: usize, metric: Metric) -> Option<usize> {
    (0..first).rev().take_while(|&i| figures[i].sentence + 1 >= s).find(|&i| figures[i].sentence + 1 == s && figures[i].metric == metric)
}

/// Whether the metric word a count found on its right has a count right after
/// it, maybe past a qualifier ("injured at least 50"): that count is its own.
fn verb_with_own_count(text: &str, tokens: &[Token], right: &Right, object_markers: &[String]) -> bool {
    let Some((_, to)) = right.metric_at else { return false };
    let next = tokens.partition_point(|t| t.start < to);
    // "e hirieron a al menos 50": past the mark of a person object.
    let next = if is_one_of(text, tokens, next, object_markers) { next + 1 } else { next };
    let qualifier = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Qualifier(_))));
    let at = if tokens.get(next).is_some_and(qualifier) { next + 1 } else { next };
    matches!(tokens.get(at).map(|t| t.item), Some(Item::Number(n)) if n.kind != NumberKind::Article)
}

/// How many words past an injured count may stand before the verb that says they died.
const DIED_AFTER_WORDS: usize = 10;

/// "tras el fallecimiento de un herido grave", "un herido del atentado ha sucumbido": injured
/// people said to have died change the toll; they are no count of the injured.
fn injured_who_died(text: &str, tokens: &[Token], k: usize, right: &Right) -> bool {
    let Some((noun_start, noun_end)) = right.metric_at.filter(|_| right.metric == Some(Metric::Injured) && !right.crossed_joiner) else {
        return false;
    };
    let noun = tokens.get(tokens.partition_point(|t| t.start < noun_start));
    if !noun.is_some_and(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::MetricNoun(Metric::Injured)))) {
        return false;
    }
    let killed = |t: &Token, verb_only: bool| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::MetricVerb(Metric::Killed) || !verb_only && r == Cue::MetricNoun(Metric::Killed)));
    if k > 0 && killed(&tokens[k - 1], false) {
        return true;
    }
    let next = tokens.partition_point(|t| t.start < noun_end);
    tokens[next..]
        .iter()
        .take(DIED_AFTER_WORDS)
        .take_while(|t| !matches!(t.item, Item::Number(_)) && !is_comma(text, t))
        .any(|t| killed(t, true))
}

/// Whether a metric verb's token starts at byte `at` ("killed", not the noun "dead").
fn metric_verb_at(tokens: &[Token], at: usize) -> bool {
    let t = tokens.get(tokens.partition_point(|t| t.start < at));
    t.is_some_and(|t| t.start == at && matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricVerb(_)))))
}

fn is_comma(text: &str, t: &Token) -> bool {
    &text[t.start..t.end] == ","
}

impl FigureFinder {
    pub fn new(lang: &'static Language) -> Self {
        FigureFinder {
            numbers: NumberReader::new(&lang.numbers),
            cues: Cues::new(lang),
            abbreviations: lang.cleaning.abbreviations.clone(),
            dates: lang.dates.clone(),
            figures: &lang.figures,
            events: vigie_text::Phrases::new(lang.events.kinds.values().flatten().chain(&lang.events.incidents)),
            referred_events: vigie_text::Phrases::new(
                lang.dates.event_referrers.iter().flat_map(|r| lang.dates.event_nouns.iter().map(move |n| format!("{r} {n}"))),
            ),
            agents: &lang.sources.agents,
            clause_openers: &lang.sources.reported_clause,
            lexicon: &lang.lexicon,
        }
    }

    /// The figures of `text` (clean text) in order of appearance, with the
    /// sentences, attribution phrases and dates around them.
    pub fn find(&self, text: &str) -> Found {
        let mut tokens = tokenize(text, self.numbers.find_all(text), self.cues.find_all(text));
        let sentences = vigie_text::sentences(text, &self.abbreviations);
        if let Some(headline) = sentences.first() {
            self.count_headline_nouns(text, headline, &mut tokens);
        }
        self.count_possessed(text, &mut tokens);
        let mut found = Found::default();
        let mut t = 0;
        for (s, sentence) in sentences.iter().enumerate() {
            let begin = t;
            while t < tokens.len() && tokens[t].start < sentence.end {
                t += 1;
            }
            let first_of_sentence = found.figures.len();
            self.sentence(text, &tokens[begin..t], s, &mut found.figures, first_of_sentence);
            breakdown_after_colon(text, &mut found.figures[first_of_sentence..], first_of_sentence);
            breakdown_in_brackets(text, &mut found.figures[first_of_sentence..], first_of_sentence);
            breakdown_by_sum(&mut found.figures, first_of_sentence);
            self.context(text, &tokens[begin..t], s, &mut found);
        }
        self.without_event_context(text, &mut found.figures);
        // Only the days of counts need it: a text without figures is not searched.
        let referred = if found.figures.is_empty() { Vec::new() } else { self.referred_events.find(text) };
        for m in referred {
            let s = sentences.partition_point(|r| r.end <= m.span.start);
            if found.referring_sentences.last() != Some(&s) {
                found.referring_sentences.push(s);
            }
        }
        found.sentences = sentences;
        found.line_breaks = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
        found
    }

    /// "Man killed in shooting", "Ciclista muere en la carretera", "Femme tuée à Lyon": a headline drops the
    /// article, so a singular noun of a person that opens it, right before its metric (past an
    /// age in commas: "Boy, 12, shot"), counts one. An article of no width stands before it.
    fn count_headline_nouns(&self, text: &str, headline: &Range<usize>, tokens: &mut Vec<Token>) {
        let line = &text[headline.clone()];
        if line.trim_end().ends_with(['.', '!', '?', ':']) || !text[headline.end..].starts_with(['\n', '\r']) && headline.end < text.len() {
            return;
        }
        let end = tokens.partition_point(|t| t.start < headline.end);
        let metric = |t: Option<&Token>| matches!(t.map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::MetricVerb(_))));
        let singular = |j: usize| tokens.get(j).is_some_and(|t| self.one_person_noun(text, t));
        let joiner = |j: usize| matches!(tokens.get(j).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::ListJoiner));
        // "Mother and son killed": nouns joined before one metric, each of them one person.
        let nouns = |j: usize| {
            let mut last = j;
            while joiner(last + 1) && singular(last + 2) {
                last += 2;
            }
            last
        };
        let at = (0..end).find_map(|j| {
            let opens = j == 0 || matches!(tokens[j - 1].item, Item::Punct(':' | '|' | '-' | '–' | '—'));
            let last = nouns(j);
            let aged = last == j
                && tokens.get(j + 1).is_some_and(|t| is_comma(text, t))
                && matches!(tokens.get(j + 2).map(|t| t.item), Some(Item::Number(_)))
                && tokens.get(j + 3).is_some_and(|t| is_comma(text, t))
                && metric(tokens.get(j + 4));
            (opens && singular(j) && (metric(tokens.get(last + 1)) || aged)).then_some((j, last))
        });
        if let Some((first, last)) = at {
            // From the last noun back, so that the indices before it stay true.
            for j in (first..=last).rev().step_by(2) {
                let start = tokens[j].start;
                let one = NumberMatch { start, end: start, value: 1.0, kind: NumberKind::Article };
                tokens.insert(j, Token { start, end: start, item: Item::Number(one) });
            }
        }
    }

    /// Whether the word of `t` is a singular noun of one person ("cyclist", "daughter"), in any case.
    fn one_person_noun(&self, text: &str, t: &Token) -> bool {
        self.figures.singular_people.contains(&text[t.start..t.end].to_lowercase())
    }

    /// Whether a metric phrase of missing people tells of a search ("searching for").
    fn is_search(&self, phrase: &str) -> bool {
        self.figures.searches.iter().any(|w| phrase.eq_ignore_ascii_case(w))
    }

    /// "A passenger in the pickup suffered minor injuries", "un pompier sur place a été blessé": between
    /// one person's noun and its verb stands only where they were, a few words opened by "in", "at".
    fn placed_between(&self, tokens: &[Token], k: usize, right: &Right) -> bool {
        let Some((verb, _)) = right.metric_at else { return false };
        let noun = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::People | Cue::Group(_))));
        let Some(at) = tokens[k + 1..].iter().position(noun).map(|p| k + 1 + p) else { return false };
        let Some(between) = tokens.get(at + 1..tokens.partition_point(|t| t.start < verb)) else { return false };
        let opens = between.first().is_some_and(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Locative)));
        let plain = between.iter().all(|t| matches!(t.item, Item::Word) || matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Locative)));
        opens && plain && between.len() <= PLACE_BETWEEN_WORDS
    }

    /// "killed a woman and her daughter", "sa fille", "su hija": a possessive before a singular
    /// noun of a person (past an age or a qualifier: "his younger brother") stands for its
    /// article, one person whom the rules of articles may count.
    fn count_possessed(&self, text: &str, tokens: &mut [Token]) {
        for j in 0..tokens.len() {
            if !matches!(tokens[j].item, Item::Word) || !is_one_of(text, tokens, j, &self.figures.possessives) {
                continue;
            }
            let within = tokens[j + 1..].iter().take(POSSESSED_NOUN_TOKENS);
            let mut before_noun = within.take_while(|t| !matches!(t.item, Item::Punct(_)) && !is_comma(text, t));
            if before_noun.any(|t| self.one_person_noun(text, t)) {
                let one = NumberMatch { start: tokens[j].start, end: tokens[j].end, value: 1.0, kind: NumberKind::Article };
                tokens[j].item = Item::Number(one);
            }
        }
    }

    /// Whether the people a group names are said to do or undergo something
    /// else than the metric: "Four men were charged", "Tres hombres fueron detenidos ayer"
    /// is no breakdown of a toll, where "Four of them were children" is.
    fn other_predicate(&self, tokens: &[Token], right: &Right) -> bool {
        let Some(after) = tokens.iter().position(|t| t.start >= right.end) else { return false };
        let cue = |t: Option<&Token>, f: &dyn Fn(Cue) -> bool| matches!(t.map(|t| t.item), Some(Item::Cue(c)) if c.has(f));
        cue(tokens.get(after), &|r| r == Cue::Copula)
            && matches!(tokens.get(after + 1).map(|t| t.item), Some(Item::Word))
            && !cue(tokens.get(after + 2), &|r| matches!(r, Cue::Group(_) | Cue::People))
    }

    /// Whether the metric a count found on its right is said by a verb whose
    /// subject is its victim: its lead opens the metric's phrase or stands
    /// right before it ("a été retrouvé mort", "a third was wounded"). Gives
    /// how many words of the lead stand before the phrase.
    fn victim_verb(&self, text: &str, right: &Right) -> Option<usize> {
        let (from, to) = right.metric_at?;
        let (verb, before) = (&text[from..to], text[..from].trim_end());
        let leads = &self.figures.victim_verb_leads;
        // The words of a lead before the metric phrase ("a été" in "a été grièvement blessée") are the verb's, not the noun's.
        let words = |lead: &String| lead.split(' ').count();
        leads
            .iter()
            .find(|lead| crate::ends_with_word(before, lead))
            .map(words)
            .or_else(|| leads.iter().any(|lead| crate::starts_with_word(verb, lead)).then_some(0))
    }

    /// Whether the metric a count found on its right is an active verb with
    /// an object after it ("two gunmen killed five people", "a policeman
    /// shot the suspect"): the count did it and counts no victim.
    /// Whether a bare count ("40 were shot", not "two others") whose metric phrase tells only how
    /// people were harmed comes right after a death toll of the sentence before that holds it:
    /// then they are of the dead.
    fn harm_of_the_dead(&self, text: &str, right: &Right, figures: &[RawFigure], s: usize, value: u64) -> bool {
        let Some((from, to)) = right.metric_at.filter(|_| !right.people && right.group.is_none()) else { return false };
        let phrase = &text[from..to];
        let manner = self.figures.harm_manners.iter().any(|m| phrase.split(' ').any(|w| w.eq_ignore_ascii_case(m)));
        // "40 were shot, two were shot and stabbed": the breakdown goes on in its sentence.
        let before = |f: &RawFigure| f.sentence + 1 == s || f.sentence == s && f.rule == HARM_OF_THE_DEAD;
        manner && figures.last().is_some_and(|f| f.metric == Metric::Killed && before(f) && f.value >= value)
    }

    fn agent_of_verb(&self, text: &str, tokens: &[Token], right: &Right) -> bool {
        let Some((from, to)) = right.metric_at else { return false };
        // "a police officer shot him dead", "un policía lo mató": an object pronoun right before the verb
        // (not an article before a noun: "70 de los fallecidos").
        let verb = metric_verb_at(tokens, from);
        // "12 of them in critical condition": a state said with a preposition takes no object.
        let state = self.figures.locatives.iter().any(|l| crate::starts_with_word(&text[from..to], l));
        if verb && !state && self.figures.object_pronouns.iter().any(|p| crate::ends_with_word(text[..from].trim_end(), p)) {
            return true;
        }
        let active = self.figures.agent_verbs.iter().any(|v| crate::ends_with_word(&text[..to], v));
        if !active || self.victim_verb(text, right).is_some() {
            return false;
        }
        let next = tokens.partition_point(|t| t.start < to);
        let metric = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::MetricVerb(_))));
        match tokens.get(next).map(|t| t.item) {
            // "killed five people", not "3 killed 2 injured".
            Some(Item::Number(_)) => tokens.get(next + 1).is_some_and(|t| !metric(t)),
            Some(_) => is_one_of(text, tokens, next, &self.figures.object_openers),
            None => false,
        }
    }

    /// Drops the figures only an event makes human-impact figures ("affected",
    /// "evacuated", "rescued") from a text that names no event and counts no
    /// dead, injured, missing or displaced; parts keep pointing at their totals.
    fn without_event_context(&self, text: &str, figures: &mut Vec<RawFigure>) {
        let soft = |m: Metric| matches!(m, Metric::Affected | Metric::Evacuated | Metric::Rescued);
        if figures.iter().all(|f| !soft(f.metric)) || figures.iter().any(|f| !soft(f.metric) && f.metric != Metric::Arrested) {
            return;
        }
        if !self.events.find(text).is_empty() {
            return;
        }
        let mut index = vec![None; figures.len()];
        let mut kept = 0;
        for (i, f) in figures.iter().enumerate() {
            if !soft(f.metric) {
                index[i] = Some(kept);
                kept += 1;
            }
        }
        figures.retain(|f| !soft(f.metric));
        for f in figures.iter_mut() {
            f.part_of = f.part_of.and_then(|p| index[p]);
        }
    }

    /// Whether the number at `k` is followed by a common noun that counts no
    /// one ("dos rifles de asalto"): a content word in lower case, and no
    /// word for people, a group or a metric in the few words after it
    /// ("cuatro supuestos autores" still count people). An article ("une
    /// troisième en Andalousie") is read by the rules of articles.
    fn counts_a_thing(&self, text: &str, tokens: &[Token], k: usize) -> bool {
        let Some(next) = tokens.get(k + 1) else { return false };
        let word = &text[next.start..next.end];
        // "25 000 cas": a word of three letters counts things too, unless it is a function word ("des", "are").
        let letters = word.chars().count();
        let function = || self.lexicon.rank(&word.to_lowercase()).is_some_and(|r| r < crate::config::FUNCTION_WORD_RANK);
        let content_word =
            matches!(next.item, Item::Word) && word.starts_with(char::is_lowercase) && (letters > 3 || letters == 3 && !function());
        let people = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::People | Cue::Group(_) | Cue::MetricNoun(_) | Cue::Victims(_))));
        let phrase = tokens[k + 1..].iter().take(THING_PHRASE_WORDS).take_while(|t| !matches!(t.item, Item::Punct(_)));
        let article = matches!(tokens[k].item, Item::Number(n) if n.kind == NumberKind::Article);
        !article && next.start - tokens[k].end <= 1 && content_word && !phrase.clone().any(people)
    }

    fn sentence(&self, text: &str, tokens: &[Token], s: usize, figures: &mut Vec<RawFigure>, first: usize) {
        let is_metric =
            |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::MetricVerb(_) | Cue::Toll(_))));
        // "may", not "May 7": a month's name is no estimate.
        let month = |t: &Token| text[t.start..].starts_with(char::is_uppercase);
        let estimate = tokens.iter().any(
            |t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Estimate) && !(c.has(|r| matches!(r, Cue::Month(_))) && month(t))),
        );
        // "Son précédent bilan était de près de 200 morts": an earlier toll, said before the number.
        let previous_before = |k: usize| tokens[..k].iter().any(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Previous)));
        // The count right after "from" (in a sentence that already gave a toll).
        let after_from = |k: usize| k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::MovedFrom));
        // The last figure of the previous sentence, for breakdown sentences.
        let before = (first > 0).then(|| first - 1).filter(|&i| figures[i].sentence + 1 == s);
        // Counts waiting for a metric that comes at the end of their list:
        // "Au moins 143 soldats, 274 rebelles ainsi que 89 civils ont été tués".
        let mut pending: Vec<RawFigure> = Vec::new();
        let mut skip_until = 0;
        // Where the metric verbs that follow their count stand: "5,300 people have been killed".
        let mut verbs_with_subject: Vec<usize> = Vec::new();
        for k in 0..tokens.len() {
            let Item::Number(num) = tokens[k].item else { continue };
            if k < skip_until {
                continue;
            }
            let Some(value) = num.integer().filter(|&v| v > 0 && num.kind != NumberKind::Ordinal) else { continue };
            if self.not_a_count(text, tokens, k, value, num) {
                continue;
            }
            // "de 60.000 à 70.000 personnes": the metric follows the upper bound.
            let own = self.qualifier_before(text, tokens, k);
            // "40 to 60 people", "de 60 à 70": a range needs its start word, or a counted noun right after
            // its upper end and a joiner that joins no list ("to", not "and").
            let bare_range = matches!(tokens.get(k + 1).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::RangeEnd) && !c.has(|r| r == Cue::ListJoiner))
                && matches!(tokens.get(k + 3).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| matches!(r, Cue::People | Cue::Group(_) | Cue::MetricNoun(_) | Cue::Victims(_))));
            let after_move = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::Move));
            let announced = own.is_some_and(|(q, _)| q == Qualifier::Range) || bare_range && !after_move;
            let range = self.range_end(text, tokens, k, announced).filter(|&(hi, _)| hi > value);
            // "la cifra aumentó de 115 a 137": the toll moved; 115 is the earlier one, named by what follows 137.
            let moved_to = if after_move { self.move_end(text, tokens, k) } else { None };
            // "pasó de 900 muertos el miércoles a 1.200": the noun may stand before the toll it moved to.
            let right = match moved_to {
                Some((_, to_token)) => Some(self.right(text, tokens, k)).filter(|r| r.metric.is_some() && r.end <= tokens[to_token].start),
                None => None,
            };
            let right = right.unwrap_or_else(|| self.right(text, tokens, range.or(moved_to).map_or(k, |(_, hi_token)| hi_token)));
            let subject = (right.people || right.group.is_some()) && !right.crossed_joiner;
            // "a Boeing 747 which killed 520 people": a bare number before an active verb with its own count is no count either.
            let bare = !right.people && right.group.is_none() && right.metric.is_some() && !right.crossed_joiner;
            if right.not_impact
                || (subject || bare) && self.agent_of_verb(text, tokens, &right)
                || injured_who_died(text, tokens, k, &right)
            {
                continue;
            }
            let reach = if num.kind == NumberKind::Article { MAX_WORDS_BEFORE_LAST_ONE } else { MAX_WORDS_IN_LIST };
            let list = self.list_head(text, tokens, k, figures, first, reach);
            // "un mort", "une personne a été tuée": an article counts one when its noun and verb follow it closely.
            // Past other words the metric is a verb's ("a resident who lives nearby" counts no death).
            let one_counted = right.metric.is_some()
                && (right.words == 0
                    || (right.people || right.group.is_some())
                        && (right.words <= ONE_COUNTED_WORDS || self.placed_between(tokens, k, &right))
                        && right.metric_at.is_some_and(|(from, _)| metric_verb_at(tokens, from)));
            // "un randonneur a été retrouvé mort", "a hiker died": one noun, then a verb whose subject is its victim.
            // "in a police raid has been found dead": a cause's noun ("raid") is no victim.
            let cause_before_metric = right.metric_at.is_some_and(|(at, _)| {
                tokens[k + 1..].iter().take_while(|t| t.start < at).any(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Cause)))
            });
            let one_counted = one_counted
                || right.metric.is_some()
                    && !cause_before_metric
                    && self.victim_verb(text, &right).is_some_and(|lead| (1..=1 + lead).contains(&right.words));
            // "25 fallecidos, entre ellos un niño", "dont un enfant": one of the total, named by its group.
            let after_subset = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::Subset));
            // Its age may follow: "entre ellos un niño de 7 años".
            let one_of_them = after_subset && right.group.is_some() && right.words <= AGE_WORDS && list.is_some_and(|l| l.subset);
            // "the search for a chief executive", "an officer was searching for": searching counts no one missing.
            let searched =
                right.metric == Some(Metric::Missing) && right.metric_at.is_some_and(|(from, to)| self.is_search(&text[from..to]));
            if num.kind == NumberKind::Article && searched {
                continue;
            }
            if num.kind == NumberKind::Article
                && !one_counted
                && !one_of_them
                && !self.article_in_list(text, tokens, k, list, &right)
                && !self.article_heads_list(text, tokens, k, &right)
                && !self.article_by_place(text, tokens, k)
                && !self.article_after_metric(text, tokens, k, &right)
            {
                continue;
            }
            // "a tué au moins 31 personnes et blessé 1 373 autres": a verb right
            // before the number beats one found past "et".
            // "Del número total de fallecidos, 104 eran mayores": a breakdown takes the noun before it.
            // "the stabbing death of a man": one person, after the noun of what happened to them.
            let noun_of_one = num.kind == NumberKind::Article
                && k >= 2
                && is_one_of(text, tokens, k - 1, &self.figures.of_words)
                && matches!(tokens[k - 2].item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricNoun(_))));
            let loose = num.kind == NumberKind::Collective || (right.copula && right.group.is_some()) || noun_of_one;
            // "death toll climbs to 37 as search for missing goes on": a rise right before the
            // number names its metric, whatever noun comes later.
            let risen = tokens[k.saturating_sub(2)..k].iter().any(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Rise)));
            let far = right.metric.is_some() && right.words > 0;
            // "trapped 10,000 people and injured at least 50": past "and", a verb with a count of its own is that count's.
            let right = if right.crossed_joiner && verb_with_own_count(text, tokens, &right, &self.figures.object_markers) {
                Right { metric: None, ..right }
            } else {
                right
            };
            let left = if right.metric.is_none() || right.crossed_joiner || risen && far { self.left(tokens, k, loose) } else { None };
            // A verb whose count stands before it has no count after it: "5,300 people have been killed
            // in the city after two dams burst". A list carries its metric on.
            let left = left.filter(|&(_, at)| list.is_some() || !verbs_with_subject.contains(&at));
            let right = match left {
                Some(_) if right.crossed_joiner || risen && far => Right { metric: None, ..right },
                _ => right,
            };
            let subject_of = right
                .metric_at
                .map(|(verb, _)| verb)
                .filter(|&verb| right.metric.is_some() && !right.crossed_joiner && left.is_none() && metric_verb_at(tokens, verb));
            let parenthesised = self.parenthesised(tokens, k, figures, first);
            let metric_before_here = tokens[..k].iter().any(is_metric);
            // Its metric comes from the list it continues, not from its own words.
            let metric_from_list = right.metric.is_none() && left.is_none() && parenthesised.is_none() && list.is_some();
            let (metric, part_of, span_start, inherited, rule) = match (right.metric, left, parenthesised, list) {
                // "killed 14 people, among them 3 children, and injured 27": past "and", the metric is the next count's.
                (Some(_), None, _, Some(l)) if l.subset && right.crossed_joiner => {
                    (Some(figures[l.index].metric), Some(l.index), num.start, Some(l), "a part of the toll before it")
                }
                (Some(m), _, _, l) => (Some(m), l.filter(|l| l.subset).map(|l| l.index), num.start, l, "a metric word after the number"),
                (None, Some((m, at)), _, l) => {
                    (Some(m), l.filter(|l| l.subset).map(|l| l.index), at, l, "a metric verb or toll before the number")
                }
                (None, None, Some((m, part)), _) => (Some(m), part, num.start, None, "an aside naming the metric"),
                // "se encontraron dos rifles": a noun no list of people knows counts something else.
                (None, None, None, Some(_)) if self.counts_a_thing(text, tokens, k) => continue,
                (None, None, None, Some(l)) => (
                    Some(figures[l.index].metric),
                    (l.subset || right.group.is_some()).then_some(l.index),
                    num.start,
                    Some(l),
                    "continues a list of counts",
                ),
                // "climbed to 1,200 on Thursday from 900": the toll it rose from, counted like it.
                (None, None, None, None) if after_from(k) && figures.len() > first => {
                    let last = figures.len() - 1;
                    (Some(figures[last].metric), None, num.start, None, MOVED_FROM)
                }
                // "Entre los fallecidos hay once niños": the whole the subset names, not the last count before it.
                (None, None, None, None) => {
                    let named = subset_of(tokens, k);
                    match named.map_or(before, |m| named_whole(figures, first, s, m).or(before)) {
                        // "Parmi les victimes identifiées figurent trois pompiers": the metric the subset names, whole or not.
                        b if named.is_some_and(|m| b.is_none_or(|b| figures[b].metric != m)) && (right.group.is_some() || right.people) => {
                            (named, None, num.start, None, "a subset that names its metric")
                        }
                        Some(b)
                            if !metric_before_here
                                && right.group.is_some()
                                && figures[b].group == Group::Total
                                // A part is no bigger than its whole: "six disparus. ... 263 étrangers se trouvaient dans le port".
                                && value <= figures[b].value
                                && !self.other_predicate(tokens, &right)
                                && !self.metric_later_in_list(text, tokens, k) =>
                        {
                            (Some(figures[b].metric), Some(b), num.start, None, "breaks down the previous sentence's total")
                        }
                        _ if right.group.is_some() || right.people => {
                            (None, None, num.start, None, "a list that names its metric at the end")
                        }
                        _ => continue,
                    }
                }
            };
            // "139 died ... He added that 40 were shot": a manner of harm right after a death toll breaks it down.
            let (metric, rule) = match metric {
                Some(Metric::Injured) if self.harm_of_the_dead(text, &right, figures, s, value) => (Some(Metric::Killed), HARM_OF_THE_DEAD),
                m => (m, rule),
            };
            // Qualifier: just before the number, else carried over the list.
            let mut qualifier = own.map(|(q, _)| q);
            // "unos 200 heridos, ha derivado en once detenciones": past other words, a count of
            // another metric is a count of its own.
            let other_metric = |l: &ListLink| metric.is_some_and(|m| m != figures[l.index].metric);
            if qualifier.is_none() {
                if let Some(l) = inherited.filter(|l| !(l.subset || l.verb_between || l.loose && other_metric(l))) {
                    // "20 muertos y otra treintena": a collective is no exact count, whatever the list says.
                    let collective = num.kind == NumberKind::Collective;
                    qualifier =
                        Some(figures[l.index].qualifier).filter(|q| *q != Qualifier::Range && !(collective && *q == Qualifier::Exact));
                }
            }
            let qualified = qualifier.is_some();
            let mut qualifier = qualifier.unwrap_or(if num.kind == NumberKind::Collective { Qualifier::About } else { Qualifier::Exact });
            let mut high = None;
            let mut end = right.end.max(num.end);
            if let Some((hi, hi_token)) = range {
                high = Some(hi);
                qualifier = Qualifier::Range;
                end = end.max(tokens[hi_token].end);
                skip_until = hi_token + 1;
            }
            let start = own.map_or(span_start, |(_, at)| at.min(span_start));
            // "24 civils tués, dont 19 dans des frappes": a sub-count counts the same people.
            // "14 combattants iraniens et au moins trois du Hezbollah": a bare count in a list counts the same kind.
            let bare = right.metric.is_none() && right.group.is_none() && !right.people && left.is_none();
            // "73 heridos, 13 de ellos menores; y 43 desaparecidos": another metric counts other people.
            let same_metric = |l: &ListLink| metric.is_none_or(|m| figures[l.index].metric == m);
            let group = right.group.or_else(|| inherited.filter(|l| l.subset && same_metric(l) || bare).map(|l| figures[l.index].group));
            let mut figure = RawFigure {
                metric: metric.unwrap_or(Metric::Killed),
                value,
                high,
                qualifier,
                // Men and women break down victims; "three men were arrested" counts suspects, all of them.
                group: group
                    .filter(|g| !(metric == Some(Metric::Arrested) && matches!(g, Group::Men | Group::Women)))
                    .unwrap_or(Group::Total),
                span: start..end,
                number: num.start..num.end,
                sentence: s,
                part_of,
                estimate,
                // "2.000 muertos el martes, frente a 1.500 el lunes": right after "from", an earlier toll, listed or not.
                previous: previous_before(k) || moved_to.is_some() || rule == MOVED_FROM || after_from(k) && figures.len() > first,
                // "in that disaster, 300 died", "2,250 died on the route last year": before the count, or in its clause after it.
                other_event: tokens[..k]
                    .iter()
                    .chain(tokens[k + 1..].iter().take_while(|t| !is_comma(text, t) && !matches!(t.item, Item::Number(_))))
                    .any(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::OtherEvent))),
                cause: cause_after(text, tokens, k),
                listed: metric_from_list,
                rule,
            };
            let Some(metric) = metric else {
                // No metric yet: it may come at the end of the list.
                if pending.last().is_none_or(|p| self.listed(text, tokens, p.number.end, k)) {
                    pending.push(figure);
                } else {
                    pending = vec![figure];
                }
                continue;
            };
            if let Some(head) = pending.first() {
                if self.listed(text, tokens, pending.last().unwrap().number.end, k) {
                    let head_qualifier = head.qualifier;
                    let head_qualified = head_qualifier != Qualifier::Exact;
                    for mut p in pending.drain(..) {
                        p.metric = metric;
                        if head_qualified && p.qualifier == Qualifier::Exact {
                            p.qualifier = head_qualifier;
                        }
                        figures.push(p);
                    }
                    figure.listed = true;
                    if head_qualified && !qualified && figure.qualifier == Qualifier::Exact {
                        figure.qualifier = head_qualifier;
                    }
                }
            }
            pending.clear();
            // "aumentó de 20 a 26": the toll it moved to, counted like the one it moved from.
            if let Some((to, to_token)) = moved_to {
                let moved = RawFigure {
                    value: to,
                    number: tokens[to_token].start..tokens[to_token].end,
                    span: tokens[to_token].start..figure.span.end.max(tokens[to_token].end),
                    previous: previous_before(k),
                    rule: "a toll moving from one number to another",
                    ..figure.clone()
                };
                figures.push(figure);
                figures.push(moved);
                skip_until = to_token + 1;
                continue;
            }
            verbs_with_subject.extend(subject_of);
            figures.push(figure);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    pub(super) fn find(lang: &str, text: &str) -> Vec<(Metric, u64, Qualifier, Group, String)> {
        let finder = FigureFinder::new(Languages::get().by_code(lang).unwrap());
        finder.find(text).figures.into_iter().map(|f| (f.metric, f.value, f.qualifier, f.group, text[f.span].to_string())).collect()
    }

    /// The metric and value of each figure of `text`.
    pub(super) fn values(lang: &str, text: &str) -> Vec<(Metric, u64)> {
        find(lang, text).into_iter().map(|f| (f.0, f.1)).collect()
    }

    use Group::*;
    use Metric::*;
    use Qualifier::*;

    #[test]
    fn a_short_noun_in_a_list_counts_things() {
        assert_eq!(values("fr", "On compte 54 décès et plus de 25 000 cas de coups de chaleur."), [(Killed, 54)]);
        assert_eq!(values("en", "There were 54 deaths and over 25,000 flu cases."), [(Killed, 54)]);
        assert_eq!(values("es", "Hubo 54 muertos y más de 25.000 casos de golpe de calor."), [(Killed, 54)]);
    }

    #[test]
    fn a_headline_without_its_article_counts_one_person() {
        assert_eq!(values("en", "Cyclist killed in crash on ring road\nThe road was closed for hours."), [(Killed, 1)]);
        assert_eq!(values("fr", "Piéton tué sur la rocade\nLa route a été fermée."), [(Killed, 1)]);
        assert_eq!(values("es", "Ciclista muere en la carretera\nLa vía fue cerrada."), [(Killed, 1)]);
        assert_eq!(values("en", "Boy, 9, hurt by falling branch\nHe was treated in hospital."), [(Injured, 1)]);
        // A sentence of the body is no headline, and a plural counts no one.
        assert!(values("en", "The road was closed.\nCyclist killed in crash.").is_empty());
        assert!(values("en", "Cyclists killed in crash on ring road\nThe road was closed.").is_empty());
        // Joined nouns before one metric are one person each.
        let got = find("en", "Father and daughter hurt in crash\nThe report follows.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Injured, 1), (Injured, 1)]);
        let got = find("es", "Madre e hijo mueren en incendio\nSigue la nota.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 1), (Killed, 1)]);
    }

    #[test]
    fn a_separate_incident_is_another_event() {
        let other = |lang: &str, text: &str| FigureFinder::new(Languages::get().by_code(lang).unwrap()).find(text).figures[0].other_event;
        assert!(other("en", "In a separate incident, a cyclist was killed on the bypass."));
        assert!(other("fr", "Dans un autre incident, un cycliste a été tué sur la rocade."));
        assert!(other("es", "En otro incidente, un ciclista murió en la circunvalación."));
        assert!(!other("en", "A cyclist was killed on the bypass."));
        // The period of the count's own clause, after it.
        assert!(other("en", "More than 900 people drowned on that crossing last year."));
        assert!(other("fr", "Plus de 900 personnes se sont noyées sur cette route l'an dernier."));
        assert!(other("es", "Más de 900 personas murieron en esa ruta el año pasado."));
        assert!(!other("en", "At least 40 people drowned on Monday, more than last year."));
    }

    #[test]
    fn one_more_adds_a_count_and_joins_no_list() {
        assert_eq!(values("es", "Dos personas murieron y una más permanece desaparecida."), [(Killed, 2), (Missing, 1)]);
        assert_eq!(values("en", "Two people died and 3 more remain missing."), [(Killed, 2), (Missing, 3)]);
        assert_eq!(values("fr", "Deux personnes sont mortes et une autre est portée disparue."), [(Killed, 2), (Missing, 1)]);
    }

    #[test]
    fn people_who_took_shelter_are_displaced() {
        assert_eq!(values("en", "About 4,000 villagers took shelter in schools."), [(Displaced, 4000)]);
        assert_eq!(values("fr", "Quelque 4 000 villageois ont trouvé refuge dans des écoles."), [(Displaced, 4000)]);
        assert_eq!(values("es", "Unos 4.000 vecinos se refugiaron en escuelas."), [(Displaced, 4000)]);
    }

    #[test]
    fn a_subset_opener_before_any_metric_noun_names_its_metric() {
        let groups = |lang, text| find(lang, text).into_iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>();
        assert_eq!(groups("fr", "Le ferry a chaviré. Parmi les survivants figurent quatre enfants."), [(Rescued, 4, Children)]);
        assert_eq!(groups("en", "The ferry capsized. Among the injured were three children."), [(Injured, 3, Children)]);
        assert_eq!(groups("es", "El ferry volcó. Entre los heridos hay tres niños."), [(Injured, 3, Children)]);
    }

    #[test]
    fn a_verb_with_its_count_before_it_counts_nothing_after_it() {
        assert_eq!(values("en", "More than 300 people have been killed in the valley after two dams burst."), [(Killed, 300)]);
        assert_eq!(values("fr", "Plus de 300 personnes ont été tuées dans la vallée après que deux barrages ont cédé."), [(Killed, 300)]);
        assert_eq!(values("es", "Más de 300 personas murieron en el valle después de que dos presas cedieran."), [(Killed, 300)]);
    }

    #[test]
    fn a_bare_number_before_an_active_verb_with_its_own_count_is_no_count() {
        assert_eq!(values("en", "The crash of flight 2217 which killed 143 people was blamed on the crew."), [(Killed, 143)]);
        assert_eq!(values("fr", "Le crash du vol 2217 qui a tué 143 personnes est imputé à l'équipage."), [(Killed, 143)]);
        assert_eq!(values("es", "El accidente del vuelo 2217 que mató a 143 personas se atribuyó a la tripulación."), [(Killed, 143)]);
    }

    #[test]
    fn a_toll_that_passes_a_number_names_its_metric_over_a_later_noun() {
        assert_eq!(values("en", "Landslide death toll passes 300 as hundreds remain missing"), [(Killed, 300)]);
        assert_eq!(values("fr", "Le bilan a dépassé 300 tandis que des centaines restent disparus."), [(Killed, 300)]);
        assert_eq!(values("es", "El balance supera 300 mientras cientos siguen desaparecidos."), [(Killed, 300)]);
    }

    #[test]
    fn injured_people_said_to_have_died_are_no_count_of_the_injured() {
        assert_eq!(values("es", "El balance subió a 52 muertos tras el fallecimiento de un herido grave."), [(Killed, 52)]);
        assert_eq!(values("es", "Un herido del incendio de la fábrica ha sucumbido en el hospital."), []);
        assert_eq!(values("fr", "Un blessé du glissement de terrain a succombé dans la nuit."), []);
        assert_eq!(values("en", "A wounded miner succumbed overnight, raising the toll to 19."), [(Killed, 19)]);
        // The injured of a list whose other count died are counted all the same.
        assert_eq!(values("en", "Two people were injured and one died."), [(Injured, 2), (Killed, 1)]);
        assert_eq!(values("fr", "Le séisme a tué 8 personnes et blessé 30 autres."), [(Killed, 8), (Injured, 30)]);
    }

    #[test]
    fn a_qualifier_after_the_word_that_raises_a_toll_is_kept() {
        let q = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.1, f.2)).collect::<Vec<_>>();
        assert_eq!(q("en", "The new deaths brought the overall toll to at least 61."), [(61, AtLeast)]);
        assert_eq!(q("fr", "Les nouveaux décès portent le bilan à au moins 61 morts."), [(61, AtLeast)]);
        assert_eq!(q("es", "Las nuevas muertes elevan el balance a al menos 61 fallecidos."), [(61, AtLeast)]);
        // A toll that tops a number is more than it.
        assert_eq!(q("en", "Quake death toll tops 700."), [(700, MoreThan)]);
        assert_eq!(q("fr", "Le bilan a franchi la barre des 700 morts."), [(700, MoreThan)]);
        assert_eq!(q("es", "El número de muertos rebasa los 700."), [(700, MoreThan)]);
    }

    #[test]
    fn a_month_is_no_estimate() {
        let finder = FigureFinder::new(Languages::get().by_code("en").unwrap());
        let estimate = |text: &str| finder.find(text).figures.iter().map(|f| f.estimate).collect::<Vec<_>>();
        assert_eq!(estimate("DALLAS, May 7 - A gunman killed eight people."), [false]);
        assert_eq!(estimate("The toll may rise above 8 dead."), [true]);
    }

    #[test]
    fn counts_of_areas_and_places_count_no_one() {
        assert_eq!(
            values("es", "Tras las inundaciones, unas 9.400 personas se han visto afectadas en cinco distritos del valle."),
            [(Affected, 9400)]
        );
        assert_eq!(
            values("en", "The storm killed 14 people in three counties, the deadliest toll in one place since 2011."),
            [(Killed, 14)]
        );
        assert_eq!(values("fr", "Les crues ont fait 8 morts dans quatre communes et deux lieux de culte."), [(Killed, 8)]);
    }

    #[test]
    fn a_list_goes_on_with_people_not_with_things() {
        assert_eq!(values("es", "La policía detuvo a 7 personas y halló dos fusiles en el coche."), [(Arrested, 7)]);
        assert_eq!(values("en", "Police arrested 7 people and seized three rifles from their van."), [(Arrested, 7)]);
        assert_eq!(values("fr", "La police a interpellé 7 personnes et saisi deux fusils dans la voiture."), [(Arrested, 7)]);
        // Attackers and suspects are people: a list of arrests goes on with them.
        assert_eq!(values("es", "Fueron detenidas 9 personas, entre ellas los tres presuntos atacantes."), [(Arrested, 9), (Arrested, 3)]);
        assert_eq!(values("en", "Police detained 9 people, including the three alleged gunmen."), [(Arrested, 9), (Arrested, 3)]);
        assert_eq!(
            values("fr", "Neuf personnes ont été interpellées, dont les trois assaillants présumés."),
            [(Arrested, 9), (Arrested, 3)]
        );
    }

    #[test]
    fn people_left_without_power_are_no_toll_and_victims_with_wounds_are_injured() {
        assert_eq!(values("en", "The gale left 8,000 homes and 21,000 people without power and 6 dead."), [(Killed, 6)]);
        assert_eq!(values("fr", "La tempête a laissé 21 000 personnes sans électricité et fait 6 morts."), [(Killed, 6)]);
        assert_eq!(values("es", "La tormenta dejó a 21.000 personas sin luz y 6 muertos."), [(Killed, 6)]);
        assert_eq!(values("en", "Paramedics treated four victims with stab wounds."), [(Injured, 4)]);
        assert_eq!(values("fr", "Quatre victimes souffrent de blessures par balle."), [(Injured, 4)]);
        assert_eq!(values("es", "Cuatro víctimas presentaban heridas de bala."), [(Injured, 4)]);
    }

    #[test]
    fn people_among_the_dead_are_dead_and_survivors_pulled_out_are_rescued() {
        assert_eq!(values("en", "Two nurses were among the dead."), [(Killed, 2)]);
        assert_eq!(values("fr", "Deux infirmières figurent parmi les morts."), [(Killed, 2)]);
        assert_eq!(values("es", "Dos enfermeras figuran entre los fallecidos."), [(Killed, 2)]);
        assert_eq!(values("en", "Divers pulled 9 survivors from the hull of the capsized ferry."), [(Rescued, 9)]);
        assert_eq!(values("fr", "Après le naufrage, les plongeurs ont sorti 9 survivants de la coque."), [(Rescued, 9)]);
        assert_eq!(values("es", "Tras el naufragio, los buzos sacaron a 9 supervivientes del casco."), [(Rescued, 9)]);
    }

    #[test]
    fn people_found_dead_and_bodies_recovered_are_dead() {
        assert_eq!(values("fr", "Une femme a été retrouvée morte dans le ravin."), [(Killed, 1)]);
        assert_eq!(values("es", "Un hombre fue hallado muerto en la playa."), [(Killed, 1)]);
        assert_eq!(values("en", "Divers recovered the bodies of 14 fishermen."), [(Killed, 14)]);
        assert_eq!(values("fr", "Les plongeurs ont récupéré les corps de 14 pêcheurs."), [(Killed, 14)]);
        assert_eq!(values("es", "Los buzos recuperaron los cuerpos de 14 pescadores."), [(Killed, 14)]);
    }

    #[test]
    fn one_noun_then_a_verb_whose_subject_is_its_victim_counts_one() {
        assert_eq!(values("en", "A cyclist was killed on the bridge."), [(Killed, 1)]);
        assert_eq!(values("fr", "Un cycliste a été tué sur le pont."), [(Killed, 1)]);
        assert_eq!(values("es", "Un ciclista murió en el puente."), [(Killed, 1)]);
        // The lead may stand before the metric word: "a third was wounded".
        assert_eq!(values("en", "Two men were shot dead and a third was wounded."), [(Killed, 2), (Injured, 1)]);
        assert_eq!(values("es", "Dos personas murieron y una tercera resultó herida."), [(Killed, 2), (Injured, 1)]);
        assert_eq!(values("fr", "Trois personnes sont mortes et une autre est portée disparue."), [(Killed, 3), (Missing, 1)]);
        // The subject of an active verb is what killed.
        assert_eq!(values("en", "A landslide killed 4 people."), [(Killed, 4)]);
        assert_eq!(values("fr", "Un incendie a tué 4 personnes."), [(Killed, 4)]);
        assert_eq!(values("es", "Un alud mató a 4 personas."), [(Killed, 4)]);
    }

    #[test]
    fn affected_evacuated_and_rescued_need_an_event() {
        assert!(values("en", "About 1,800 workers will be affected by the plant closure.").is_empty());
        assert!(values("fr", "Environ 1 800 salariés seront affectés par la fermeture de l'usine.").is_empty());
        assert!(values("es", "Unos 1.800 trabajadores se verán afectados por el cierre de la planta.").is_empty());
        assert_eq!(values("en", "About 1,800 people were affected by the floods."), [(Affected, 1800)]);
        assert_eq!(values("fr", "Le naufrage : 40 passagers ont été secourus."), [(Rescued, 40)]);
        assert_eq!(values("es", "Tras el derrumbe, 40 personas fueron rescatadas."), [(Rescued, 40)]);
    }

    #[test]
    fn people_by_trade_go_on_a_list_and_a_part_keeps_its_total_s_metric() {
        assert_eq!(values("en", "The blast killed 9 police officers and 4 firefighters."), [(Killed, 9), (Killed, 4)]);
        assert_eq!(values("fr", "L'explosion a tué 9 policiers et 4 pompiers."), [(Killed, 9), (Killed, 4)]);
        assert_eq!(values("es", "La explosión mató a 9 policías y 4 bomberos."), [(Killed, 9), (Killed, 4)]);
        let en = "The blast killed 14 people, among them 3 children, and injured 27 others.";
        assert_eq!(values("en", en), [(Killed, 14), (Killed, 3), (Injured, 27)]);
        let es = "La explosión mató a 14 personas, entre ellas 3 niños, e hirió a otras 27.";
        assert_eq!(values("es", es), [(Killed, 14), (Killed, 3), (Injured, 27)]);
        let fr = "L'explosion a tué 14 personnes, dont 3 enfants, et blessé 27 autres.";
        assert_eq!(values("fr", fr), [(Killed, 14), (Killed, 3), (Injured, 27)]);
    }

    #[test]
    fn people_in_shelters_are_displaced() {
        assert_eq!(values("en", "About 2,500 people remain in shelters after the storm."), [(Displaced, 2500)]);
        assert_eq!(values("es", "Unas 2.500 personas permanecen en albergues tras la tormenta."), [(Displaced, 2500)]);
        assert_eq!(values("fr", "Quelque 2 500 personnes ont été hébergées après la tempête."), [(Displaced, 2500)]);
    }

    #[test]
    fn money_and_shares_count_no_one() {
        assert_eq!(
            values("en", "About 40 mln dlrs of bonds is affected, and 2.5 mln villagers are affected by the drought."),
            [(Affected, 2_500_000)]
        );
        assert!(values("en", "Some 15 pct of the victims were children.").is_empty());
    }

    #[test]
    fn a_phrase_inside_a_number_word_does_not_hide_its_metric() {
        assert_eq!(find("es", "Quedan tres desaparecidos en la sierra.")[0].0, Missing);
        assert_eq!(find("en", "Authorities list seventeen missing after the landslide.")[0].0, Missing);
        assert_eq!(find("fr", "On compte encore trois disparus dans la vallée.")[0].0, Missing);
    }

    #[test]
    fn another_and_one_of_them_count_one() {
        let counts = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>();
        // "another", "otro": one more, by the verb after it.
        assert!(counts("en", "A woman drowned in the flood and another was injured.").contains(&(Injured, 1, Total)));
        assert!(counts("es", "Un hombre murió en la riada y otro resultó herido.").contains(&(Injured, 1, Total)));
        // One of a total, named by its group.
        assert!(counts("es", "El sismo dejó 14 fallecidos, entre ellos un bebé.").contains(&(Killed, 1, Children)));
        assert!(counts("fr", "Le séisme a fait 9 morts, dont un enfant.").contains(&(Killed, 1, Children)));
        assert!(counts("en", "The quake killed 30 people, including a child.").contains(&(Killed, 1, Children)));
        // ... also when the sentence goes on past it.
        assert!(counts("es", "Hubo 8 muertos, entre ellos un niño, en el ataque.").contains(&(Killed, 1, Children)));
        assert!(counts("fr", "Huit personnes sont mortes, dont un enfant, dans l'attaque.").contains(&(Killed, 1, Children)));
        assert!(counts("en", "Eight people died, including a child, in the attack.").contains(&(Killed, 1, Children)));
        assert!(counts("es", "Hubo 8 muertos, entre ellos un niño de 7 años, en el ataque.").contains(&(Killed, 1, Children)));
        assert!(counts("fr", "Huit personnes sont mortes, dont un enfant de 7 ans, dans l'attaque.").contains(&(Killed, 1, Children)));
    }

    #[test]
    fn an_aside_names_the_noun_of_a_collective() {
        let got = find("fr", "\"Il y aura des dizaines (de morts), peut-être approcherons-nous la centaine\", craint le maire.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(), [(Killed, 100, Nearly)]);
    }

    #[test]
    fn french_nouns_verbs_and_lists() {
        let got = find("fr", "Les combats ont fait au moins 132 morts et 250 blessés, selon l'ONG.");
        assert_eq!(
            got,
            [(Killed, 132, AtLeast, Total, "au moins 132 morts".into()), (Injured, 250, AtLeast, Total, "250 blessés".into()),]
        );
        let got = find("fr", "Le séisme a tué au moins 31 personnes et blessé 1 373 autres.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(), [(Killed, 31, AtLeast), (Injured, 1373, Exact)]);
    }

    #[test]
    fn breakdowns_and_sub_counts() {
        let got = find("fr", "Le bilan s'élève à 311 morts. Il s'agit de 183 combattants rebelles, 100 soldats et 28 civils.");
        assert_eq!(
            got.iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(),
            [(Killed, 311, Total), (Killed, 183, Fighters), (Killed, 100, Soldiers), (Killed, 28, Civilians)]
        );
        let got = find("fr", "Au moins 11 civils ont été tués, dont cinq enfants.");
        assert_eq!(got.iter().map(|f| (f.1, f.2, f.3)).collect::<Vec<_>>(), [(11, AtLeast, Civilians), (5, Exact, Children)]);
    }

    #[test]
    fn the_arrested_are_counted_whole() {
        let counts = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>();
        assert_eq!(counts("en", "Police said three men were arrested after the attack."), [(Arrested, 3, Total)]);
        assert_eq!(counts("es", "Tras el ataque fueron detenidos cuatro hombres."), [(Arrested, 4, Total)]);
        assert_eq!(counts("fr", "Deux femmes ont été interpellées après l'attaque."), [(Arrested, 2, Total)]);
    }

    #[test]
    fn a_group_said_to_undergo_something_else_breaks_no_toll_down() {
        let got = find("en", "The attack killed 139 people. Four men were charged on Sunday.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [139], "{got:?}");
        let got = find("fr", "Le séisme a fait 40 morts. Cinq enfants sont devenus orphelins.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [40], "{got:?}");
        // A group named by a copula still breaks the toll down.
        let got = find("en", "The attack killed 30 people. Four of them were children.");
        assert!(got.iter().any(|f| f.1 == 4 && f.3 == Children), "{got:?}");
        // A part is no bigger than its whole.
        let got = find("es", "Quedan 6 desaparecidos. En la ciudad había 250 extranjeros, entre ellos 30 franceses.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [6], "{got:?}");
        let got = find("fr", "On compte 6 disparus. Quelque 250 étrangers séjournaient sur l'île.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [6], "{got:?}");
    }

    #[test]
    fn an_age_between_a_person_and_the_verb_is_no_count() {
        let counts = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>();
        assert_eq!(counts("en", "A 26-year-old man died at the scene."), [(Killed, 1, Men)]);
        assert_eq!(counts("en", "A 31-year-old was wounded near the pier."), [(Injured, 1, Total)]);
        assert_eq!(counts("en", "Two 16-year-olds were hurt in the crash."), [(Injured, 2, Total)]);
        // Some corpora space their hyphens: the age is still no count.
        assert_eq!(counts("en", "A 47 - year - old man was shot and killed."), [(Killed, 1, Men)]);
        // Past other words only a verb counts one: "lives" here is no toll.
        assert!(counts("en", "A resident who lives next door heard the blast.").is_empty());
        // One of the people a plural names, hurt "slightly" or "gravely".
        assert_eq!(counts("fr", "Un pompier a été légèrement blessé pendant le sauvetage."), [(Injured, 1, Total)]);
        assert_eq!(counts("es", "Un bombero resultó gravemente herido."), [(Injured, 1, Total)]);
        assert_eq!(counts("en", "A passenger was seriously injured."), [(Injured, 1, Total)]);
        // Shot is wounded by gunfire, "fatally" kills.
        assert_eq!(counts("en", "Four people were shot near the stadium, one fatally."), [(Injured, 4, Total), (Killed, 1, Total)]);
        // Right after a death toll, a bare count of how people were harmed breaks the dead down.
        let en = "The attack killed 90 people. Officials said 50 were shot, 12 were stabbed and 28 died in the fire.";
        assert_eq!(counts("en", en), [(Killed, 90, Total), (Killed, 50, Total), (Killed, 12, Total), (Killed, 28, Total)]);
        assert_eq!(counts("en", "Three men were killed. Two others were shot."), [(Killed, 3, Men), (Injured, 2, Total)]);
        assert_eq!(counts("en", "A man, 45, was also killed."), [(Killed, 1, Men)]);
        assert_eq!(counts("es", "Un hombre de 30 años murió en el tiroteo."), [(Killed, 1, Men)]);
        assert_eq!(counts("es", "Una mujer, de 52 años, resultó herida."), [(Injured, 1, Women)]);
        assert_eq!(counts("fr", "Un enfant de 8 ans a péri dans l'incendie."), [(Killed, 1, Children)]);
        assert_eq!(counts("fr", "Une femme, 52 ans, a été blessée."), [(Injured, 1, Women)]);
    }

    #[test]
    fn metric_words_for_what_else_befalls_people() {
        let counts = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.0, f.1)).collect::<Vec<_>>();
        assert_eq!(counts("en", "Some 40 people disappeared after the raid."), [(Missing, 40)]);
        assert_eq!(counts("en", "The group said 12 prisoners were executed."), [(Killed, 12)]);
        assert_eq!(counts("es", "Al menos 9 personas desaparecieron en la sierra."), [(Missing, 9)]);
        assert_eq!(counts("fr", "Le groupe a annoncé 7 martyrs dans ses rangs."), [(Killed, 7)]);
        // Cattle and street numbers are no people.
        assert!(find("en", "The floods killed 3,000 head of cattle.").is_empty());
        assert_eq!(counts("en", "A woman was found shot to death in the 6100 block of the avenue."), [(Killed, 1)]);
    }

    #[test]
    fn residents_are_counted_in_the_total() {
        let groups = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.1, f.3)).collect::<Vec<_>>();
        assert_eq!(groups("en", "About 2,000 residents were evacuated after the floods."), [(2000, Total)]);
        assert_eq!(groups("fr", "Quelque 800 habitants ont été évacués après la crue."), [(800, Total)]);
        assert_eq!(groups("es", "Unos 300 vecinos fueron evacuados por la riada."), [(300, Total)]);
        // Civilians are a group.
        assert_eq!(groups("en", "The shelling killed 14 civilians."), [(14, Civilians)]);
    }

    #[test]
    fn english_and_spanish() {
        let got = find("en", "The quake killed at least 95 people. At least 2,012 people were killed and 2,059 were wounded.");
        assert_eq!(
            got.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(),
            [(Killed, 95, AtLeast), (Killed, 2012, AtLeast), (Injured, 2059, Exact)]
        );
        let got = find("es", "La dana dejó al menos 95 muertos y cinco desaparecidos en Valencia.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(), [(Killed, 95, AtLeast), (Missing, 5, AtLeast)]);
    }

    #[test]
    fn a_collective_after_an_exact_count_stays_about() {
        let q = |lang, text| find(lang, text).into_iter().map(|f| (f.1, f.2)).collect::<Vec<_>>();
        assert_eq!(q("es", "Murieron 20 personas y otra treintena siguen desaparecidas."), [(20, Exact), (30, About)]);
        assert_eq!(q("fr", "On compte 20 morts et une trentaine de disparus."), [(20, Exact), (30, About)]);
        assert_eq!(q("en", "Twenty people died and a dozen others are missing."), [(20, Exact), (12, About)]);
    }

    #[test]
    fn a_range_without_its_start_word() {
        let got = find("en", "Some 40 to 60 people were injured.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(), [(Injured, 40, Range)]);
        let got = find("fr", "Environ 20 à 30 personnes sont mortes.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(), [(Killed, 20, Range)]);
        // "and" joins a list, not a range.
        let got = find("en", "The blast killed 12 and injured 40 people.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [12, 40]);
    }

    #[test]
    fn an_earlier_toll_names_its_metric() {
        for (lang, text, value) in [
            ("en", "An earlier toll from the ministry had stood at 30.", 30),
            ("fr", "Le précédent bilan était de 18 morts.", 18),
            ("es", "El balance anterior era de 25.", 25),
        ] {
            let finder = FigureFinder::new(Languages::get().by_code(lang).unwrap());
            let found = finder.find(text);
            assert_eq!(found.figures.iter().map(|f| (f.value, f.previous)).collect::<Vec<_>>(), [(value, true)], "{text}");
        }
    }

    #[test]
    fn one_person_is_a_count_too() {
        let got = find("fr", "Une personne a été tuée et un enfant a été blessé.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(), [(Killed, 1, Total), (Injured, 1, Children)]);
        let got = find("en", "A woman was injured when the roof fell.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(), [(Injured, 1, Women)]);
        let got = find("es", "Una mujer resultó herida en el derrumbe.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(), [(Injured, 1, Women)]);
    }

    #[test]
    fn a_toll_that_moved_makes_the_first_number_an_earlier_toll() {
        let finder = FigureFinder::new(Languages::get().by_code("es").unwrap());
        let found = finder.find("La cifra de fallecidos aumentó de 20 a 26 personas.");
        let pairs: Vec<(u64, bool, Option<u64>)> = found.figures.iter().map(|f| (f.value, f.previous, f.high)).collect();
        assert_eq!(pairs, [(20, true, None), (26, false, None)]);
        let en = FigureFinder::new(Languages::get().by_code("en").unwrap()).find("The toll rose from 11 to 15 people killed.");
        assert_eq!(en.figures.iter().map(|f| (f.value, f.previous)).collect::<Vec<_>>(), [(11, true), (15, false)]);
    }

    #[test]
    fn ranges_collectives_and_non_counts() {
        let got = find("fr", "De 60.000 à 70.000 personnes ont dû fuir. Une cinquantaine de morts en 2016, à 22h00, sur 10 kilomètres.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(), [(Displaced, 60000, Range), (Killed, 50, About)]);
        assert!(find("fr", "Le PSG compte 28 points et 7 victoires en 2024.").is_empty());
    }
}
