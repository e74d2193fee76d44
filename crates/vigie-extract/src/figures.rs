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

use crate::cues::{Cue, CueMatch, Cues};
use crate::numbers::{NumberKind, NumberMatch, NumberReader};
use std::ops::Range;
use vigie_lang::Language;
use vigie_model::{Group, Metric, Qualifier};

/// Words that may stand between a number and its metric phrase ("62 morts").
const MAX_WORDS_AFTER: usize = 5;
/// The same once a counted noun was seen: "300,000 people in Marrakech and the Atlas have been affected".
const MAX_WORDS_AFTER_NOUN: usize = 10;
/// Words that may stand between a metric verb or toll and its number ("death toll has risen to 632").
const MAX_WORDS_BEFORE: usize = 8;
/// The most tokens of an aside between dashes after a counted noun.
const MAX_WORDS_IN_ASIDE: usize = 16;
/// How many words after a date may close the period it opens ("1er février jusqu'à").
const PERIOD_END_WORDS: usize = 3;
/// Words that may separate two counts of one list.
const MAX_WORDS_IN_LIST: usize = 8;
/// ... and before a bare "un" that ends a list: "trois morts dans la province voisine, deux autres plus au nord et un dans la capitale".
const MAX_WORDS_BEFORE_LAST_ONE: usize = 14;

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
    /// "28 novembre [2024]": month 1 to 12.
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
}

/// The figure finder of one language.
pub struct FigureFinder {
    numbers: NumberReader,
    cues: Cues,
    abbreviations: Vec<String>,
    dates: vigie_lang::Dates,
    figures: &'static vigie_lang::Figures,
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

/// Words between a figure and the noun of its cause ("tués dans des frappes").
const MAX_WORDS_TO_CAUSE: usize = 6;
/// A cause is at most this long: the noun phrase, not the rest of the sentence.
const MAX_CAUSE_BYTES: usize = 80;

/// "19 dans des frappes de l'aviation russe": the cause phrase after the
/// figure at token `k`, up to the next punctuation.
fn cause_after(text: &str, tokens: &[Token], k: usize) -> Option<Range<usize>> {
    let mut words = 0;
    for (i, t) in tokens.iter().enumerate().skip(k + 1) {
        match t.item {
            Item::Cue(c) if c.has(|r| r == Cue::Cause) => {
                let stops = |t: &&Token| match t.item {
                    Item::Punct(_) | Item::Number(_) => true,
                    Item::Cue(c) => c.has(|r| {
                        matches!(
                            r,
                            Cue::ListJoiner | Cue::Since | Cue::Subset | Cue::AttributionBefore | Cue::AttributionAfter | Cue::Weekday(_)
                        )
                    }),
                    Item::Word => false,
                };
                let end = tokens[i + 1..].iter().find(stops).map_or(text.len(), |stop| stop.start);
                let mut cut = end.min(t.start + MAX_CAUSE_BYTES).max(t.end);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let mut phrase = text[t.start..cut].trim_end();
                // Not ending on a function word: "inondations qui ont" is "inondations".
                while let Some((head, last)) = phrase.rsplit_once(' ') {
                    if last.chars().count() > 3 || last.chars().any(char::is_uppercase) {
                        break;
                    }
                    phrase = head.trim_end();
                }
                let end = t.start + phrase.len();
                return Some(t.start..end.min(text.len()));
            }
            Item::Number(_) | Item::Punct(_) => return None,
            _ if is_comma(text, t) => return None,
            _ => words += 1,
        }
        if words > MAX_WORDS_TO_CAUSE {
            return None;
        }
    }
    None
}

/// The most parts a breakdown has.
const MAX_PARTS: usize = 12;
/// How many sentences back a total may stand from counts that add up to it.
const SUM_REACH: usize = 3;

/// "Interior counts 64 dead. Of them, 48 died in Murcia and 16 in
/// Alicante", "31 morts, parmi lesquels 22 [...] et les neuf autres": the
/// counts of a sentence that follow a total, stated shortly before or
/// earlier in the sentence, and add up to it are its parts, even without a
/// word that links them. `first` is the index of the sentence's first figure.
fn breakdown_by_sum(figures: &mut [RawFigure], first: usize) {
    let Some(sentence) = figures.get(first).map(|f| f.sentence) else { return };
    let len = figures.len();
    let candidates = |t: usize| first.max(t + 1)..len;
    for t in (0..len).rev() {
        if sentence - figures[t].sentence > SUM_REACH {
            break;
        }
        let total = &figures[t];
        let parts = &figures[candidates(t)];
        if total.part_of.is_some() || total.high.is_some() || !(2..=MAX_PARTS).contains(&parts.len()) {
            continue;
        }
        let fits = |p: &RawFigure| p.metric == total.metric && !p.previous && !p.other_event && p.part_of.is_none_or(|q| q == t);
        if !parts.iter().all(fits) || parts.iter().all(|p| p.part_of == Some(t)) {
            continue;
        }
        if parts.iter().fold(0u64, |sum, p| sum.saturating_add(p.value)) == total.value {
            for part in &mut figures[candidates(t)] {
                part.part_of = Some(t);
            }
            return;
        }
    }
}

/// "24 civils sont morts : 19 dans des frappes, un dans des tirs": the
/// counts after a colon that follows a total are its parts, and count the
/// same people (civilians) unless they name their own group. `offset` is the
/// index of the sentence's first figure.
fn breakdown_after_colon(text: &str, figures: &mut [RawFigure], offset: usize) {
    for t in 0..figures.len() {
        let total = &figures[t];
        // The colon closes the total's clause: nothing but words between them (the search stops at
        // the first digit or stop, so it stays short).
        let stop = text[total.span.end..].find(|c: char| c.is_ascii_digit() || matches!(c, ':' | '.' | ';' | ','));
        let Some(colon) = stop.map(|c| total.span.end + c).filter(|&c| text[c..].starts_with(':')) else { continue };
        let (metric, value, group) = (total.metric, total.value, total.group);
        for part in figures[t + 1..].iter_mut() {
            if part.number.start < colon {
                continue;
            }
            if part.metric != metric || part.value >= value || part.part_of.is_some_and(|p| p != offset + t) {
                break;
            }
            part.part_of = Some(offset + t);
            if part.group == Group::Total {
                part.group = group;
            }
        }
    }
}

/// The longest agency name in a dateline, in bytes: "(Petra)", "(AFP)", "(Reuters)".
const MAX_AGENCY: usize = 30;
/// How many days back "il y a N jours" or "il y a N semaines" may count.
const MAX_DAYS_AGO: u64 = 31;

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

impl FigureFinder {
    /// Whether a word closing a period follows the date ending at `end`
    /// ("du 1er février jusqu'à mardi", "desde el 3 de marzo hasta hoy").
    fn opens_period(&self, text: &str, end: usize) -> bool {
        let ends = &self.dates.period_ends;
        text[end..]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(PERIOD_END_WORDS)
            .any(|w| ends.contains(&w.to_lowercase()))
    }

    /// The date a weekday names: none when it only labels a date that
    /// follows ("jeudi 20 mars") or lies ahead ("lundi prochain").
    fn weekday(&self, text: &str, tokens: &[Token], k: usize, w: u8) -> Option<When> {
        let t = &tokens[k];
        let month = (k + 1..(k + 5).min(tokens.len())).find(|&i| month_of(tokens, i).is_some());
        if let Some(m) = month {
            let gap = &text[t.end..tokens[m].start];
            let day_after = matches!(tokens.get(m + 1).map(|t| t.item), Some(Item::Number(_)));
            if gap.len() <= 12 && (gap.chars().any(|c| c.is_ascii_digit()) || day_after) {
                return None;
            }
        }
        let (before, after) = (&text[..t.start], &text[t.end..]);
        let next_to =
            |words: &[String]| words.iter().any(|w| crate::ends_with_word(before.trim_end(), w) || crate::starts_with_word(after, w));
        if next_to(&self.dates.next) {
            None
        } else if next_to(&self.dates.last) {
            Some(When::LastWeekday(w))
        } else {
            Some(When::Weekday(w))
        }
    }

    /// The date or the count of days a number starts or ends: "28 novembre
    /// [2024]", "el 3 de marzo de 2015", "le 1er mars", "November 28[, 2024]", "il y a 3 jours".
    fn date_at(&self, text: &str, tokens: &[Token], k: usize, n: NumberMatch) -> Option<When> {
        let value = n.integer()?;
        let words = &self.dates;
        let is = |i: usize, list: &[String]| is_one_of(text, tokens, i, list);
        // The year after token `last` of the date, maybe past a joiner or a comma, and where the date ends.
        let year_from = |last: usize| {
            let mut y = last + 1;
            if is(y, &words.date_joiners) || tokens.get(y).is_some_and(|t| is_comma(text, t)) {
                y += 1;
            }
            match year_of(tokens, y) {
                Some(year) => (Some(year), tokens[y].end),
                None => (None, tokens[last].end),
            }
        };
        // "Goma, 24 mars 2025 - Au moins 112 personnes ...": a dateline says when the
        // story was filed, not what day its counts refer to.
        let dated = |month: u32, day: u32, (year, end): (Option<i32>, usize)| {
            // The dash may follow the agency: "Amman, Sep. 9 (Petra) --".
            let mut after = text[end..].trim_start();
            if let Some(agency) = after.strip_prefix('(').and_then(|a| a.split_once(')')).filter(|(name, _)| name.len() <= MAX_AGENCY) {
                after = agency.1.trim_start();
            }
            let dateline = after.starts_with(['-', '–', '—']);
            (!dateline).then_some(When::DayMonth { day, month, year })
        };
        let day = u32::try_from(value).ok().filter(|d| (1..=31).contains(d));
        let mut i = k + 1;
        if month_of(tokens, i).is_none() && is(i, &words.date_joiners) {
            i += 1;
        }
        if let (Some(month), Some(day)) = (month_of(tokens, i), day) {
            return dated(month, day, year_from(i));
        }
        if let (Some(month), Some(day)) = (k.checked_sub(1).and_then(|p| month_of(tokens, p)), day) {
            return dated(month, day, year_from(k));
        }
        let days =
            if is(k + 1, &words.day_units) { Some(value) } else { Some(value.saturating_mul(7)).filter(|_| is(k + 1, &words.week_units)) };
        if let Some(days) = days.filter(|&d| d <= MAX_DAYS_AGO) {
            let before = text[..tokens[k].start].trim_end();
            let ago = words.ago_before.iter().any(|w| crate::ends_with_word(before, w)) || is(k + 2, &words.ago_after);
            if ago {
                return Some(When::Relative(-(days as i8)));
            }
        }
        None
    }

    /// Attribution phrases and date expressions of one sentence.
    fn context(&self, text: &str, tokens: &[Token], s: usize, found: &mut Found) {
        // "depuis mercredi", "the quake that rocked Al Haouz late on Friday": back
        // to the last comma, number or metric phrase, a since-word or an event verb.
        let since_before = |k: usize| {
            // A date in apposition ("balayée par le cyclone, samedi 14 décembre,") looks past its comma.
            let k = if k > 0 && is_comma(text, &tokens[k - 1]) { k - 1 } else { k };
            for t in tokens[k.saturating_sub(12)..k].iter().rev() {
                match t.item {
                    Item::Cue(c) if c.has(|r| r == Cue::Since) => return true,
                    Item::Cue(c)
                        if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::MetricVerb(_) | Cue::ListJoiner | Cue::AttributionBefore)) =>
                    {
                        return false
                    }
                    Item::Number(_) | Item::Punct(_) => return false,
                    _ => {}
                }
            }
            false
        };
        for (k, t) in tokens.iter().enumerate() {
            let when = match t.item {
                Item::Cue(c) => {
                    if c.has(|r| matches!(r, Cue::AttributionBefore | Cue::AttributionAfter)) {
                        found.attributions.push(t.start..t.end);
                    }
                    c.find(|r| match r {
                        Cue::Weekday(w) => Some(w),
                        _ => None,
                    })
                    .and_then(|w| self.weekday(text, tokens, k, w))
                    .or_else(|| c.find(|r| if let Cue::RelativeDay(d) = r { Some(When::Relative(d)) } else { None }))
                }
                Item::Number(n)
                    if n.kind == NumberKind::Digits && n.end - n.start == 4 && n.integer().is_some_and(|y| (1900..=2100).contains(&y)) =>
                {
                    // "28 novembre 2024", "3 de marzo de 2015", "March 3, 2015": the year of a
                    // day, read with it. "en octobre 2011" names a time, as a year alone does.
                    let before = k.saturating_sub(4)..k;
                    let day = |t: &Token| matches!(t.item, Item::Number(d) if d.integer().is_some_and(|d| (1..=31).contains(&d)));
                    let of_a_day = before.clone().any(|i| month_of(tokens, i).is_some()) && tokens[before].iter().any(day);
                    if !of_a_day {
                        let since = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::Since));
                        found.years.push((t.start, n.value as i32, since));
                    }
                    None
                }
                Item::Number(n) => self.date_at(text, tokens, k, n),
                _ => None,
            };
            if let Some(when) = when {
                // "balayée par le cyclone, samedi 14 décembre,": the weekday that labels a date starts it.
                let labelled = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Weekday(_))));
                let first = if labelled { k - 1 } else { k };
                let since = since_before(first) || self.qualifies_event(text, tokens, first, k) || self.opens_period(text, t.end);
                found.dates.push(DateMention { at: t.start, sentence: s, when, since });
            }
        }
    }
}

impl FigureFinder {
    /// Whether the day at tokens `first..=last` qualifies the event itself:
    /// "Tuesday night's quake", "the Saturday strike", "le séisme de samedi".
    fn qualifies_event(&self, text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
        let d = &self.dates;
        let mut next = last + 1;
        while next <= last + 3 && is_one_of(text, tokens, next, &d.parts_of_day) {
            next += 1;
        }
        let event_after = is_one_of(text, tokens, next, &d.event_nouns);
        let mut before = first;
        while before > 0 && is_one_of(text, tokens, before - 1, &d.parts_of_day) {
            before -= 1;
        }
        let event_before =
            before >= 2 && is_one_of(text, tokens, before - 1, &d.event_day_joiners) && is_one_of(text, tokens, before - 2, &d.event_nouns);
        event_after || event_before
    }
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
        }
    }

    /// The figures of `text` (clean text) in order of appearance, with the
    /// sentences, attribution phrases and dates around them.
    pub fn find(&self, text: &str) -> Found {
        let tokens = tokenize(text, self.numbers.find_all(text), self.cues.find_all(text));
        let sentences = vigie_text::sentences(text, &self.abbreviations);
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
            breakdown_by_sum(&mut found.figures, first_of_sentence);
            self.context(text, &tokens[begin..t], s, &mut found);
        }
        found.sentences = sentences;
        found.line_breaks = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
        found
    }

    fn sentence(&self, text: &str, tokens: &[Token], s: usize, figures: &mut Vec<RawFigure>, first: usize) {
        let is_metric =
            |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::MetricVerb(_) | Cue::Toll(_))));
        let estimate = tokens.iter().any(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Estimate)));
        // "Son précédent bilan était de près de 200 morts": an earlier toll, said before the number.
        let previous_before = |k: usize| tokens[..k].iter().any(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Previous)));
        // The last figure of the previous sentence, for breakdown sentences.
        let before = (first > 0).then(|| first - 1).filter(|&i| figures[i].sentence + 1 == s);
        // Counts waiting for a metric that comes at the end of their list:
        // "Au moins 143 soldats, 274 rebelles ainsi que 89 civils ont été tués".
        let mut pending: Vec<RawFigure> = Vec::new();
        let mut skip_until = 0;
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
            let range = self.range_end(tokens, k, announced).filter(|&(hi, _)| hi > value);
            // "la cifra aumentó de 115 a 137": the toll moved; 115 is the earlier one, named by what follows 137.
            let moved_to = self.range_end(tokens, k, after_move).filter(|_| after_move);
            let right = self.right(text, tokens, range.or(moved_to).map_or(k, |(_, hi_token)| hi_token));
            if right.not_impact {
                continue;
            }
            let reach = if num.kind == NumberKind::Article { MAX_WORDS_BEFORE_LAST_ONE } else { MAX_WORDS_IN_LIST };
            let list = self.list_head(text, tokens, k, figures, first, reach);
            // "un mort", "une personne a été tuée": an article counts one when its noun and verb follow it closely.
            let one_counted = right.metric.is_some() && (right.words == 0 || (right.people || right.group.is_some()) && right.words <= 2);
            // "25 fallecidos, entre ellos un niño", "dont un enfant": one of the total, named by its group.
            let after_subset = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::Subset));
            let one_of_them = after_subset && right.group.is_some() && right.words == 0 && list.is_some_and(|l| l.subset);
            if num.kind == NumberKind::Article
                && !one_counted
                && !one_of_them
                && !self.article_in_list(tokens, k, list)
                && !self.article_by_place(text, tokens, k)
            {
                continue;
            }
            // "a tué au moins 31 personnes et blessé 1 373 autres": a verb right
            // before the number beats one found past "et".
            // "Del número total de fallecidos, 104 eran mayores": a breakdown takes the noun before it.
            let loose = num.kind == NumberKind::Collective || (right.copula && right.group.is_some());
            // "death toll climbs to 37 as search for missing goes on": a rise right before the
            // number names its metric, whatever noun comes later.
            let risen = tokens[k.saturating_sub(2)..k].iter().any(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Rise)));
            let far = right.metric.is_some() && right.words > 0;
            let left = if right.metric.is_none() || right.crossed_joiner || risen && far { self.left(tokens, k, loose) } else { None };
            let right = match left {
                Some(_) if right.crossed_joiner || risen && far => Right { metric: None, ..right },
                _ => right,
            };
            let parenthesised = self.parenthesised(tokens, k, figures, first);
            let metric_before_here = tokens[..k].iter().any(is_metric);
            let (metric, part_of, span_start, inherited, rule) = match (right.metric, left, parenthesised, list) {
                (Some(m), _, _, l) => (Some(m), l.filter(|l| l.subset).map(|l| l.index), num.start, l, "a metric word after the number"),
                (None, Some((m, at)), _, l) => {
                    (Some(m), l.filter(|l| l.subset).map(|l| l.index), at, l, "a metric verb or toll before the number")
                }
                (None, None, Some((m, part)), _) => (Some(m), part, num.start, None, "an aside naming the metric"),
                (None, None, None, Some(l)) => (
                    Some(figures[l.index].metric),
                    (l.subset || right.group.is_some()).then_some(l.index),
                    num.start,
                    Some(l),
                    "continues a list of counts",
                ),
                (None, None, None, None) => match before {
                    Some(b) if !metric_before_here && right.group.is_some() && figures[b].group == Group::Total => {
                        (Some(figures[b].metric), Some(b), num.start, None, "breaks down the previous sentence's total")
                    }
                    _ if right.group.is_some() || right.people => (None, None, num.start, None, "a list that names its metric at the end"),
                    _ => continue,
                },
            };
            // Qualifier: just before the number, else carried over the list.
            let mut qualifier = own.map(|(q, _)| q);
            if qualifier.is_none() {
                if let Some(l) = inherited.filter(|l| !l.subset && !l.verb_between) {
                    qualifier = Some(figures[l.index].qualifier).filter(|q| *q != Qualifier::Range);
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
                group: group.unwrap_or(Group::Total),
                span: start..end,
                number: num.start..num.end,
                sentence: s,
                part_of,
                estimate,
                previous: previous_before(k) || moved_to.is_some(),
                other_event: tokens[..k].iter().any(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::OtherEvent))),
                cause: cause_after(text, tokens, k),
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
                    span: tokens[to_token].start..figure.span.end,
                    previous: previous_before(k),
                    rule: "a toll moving from one number to another",
                    ..figure.clone()
                };
                figures.push(figure);
                figures.push(moved);
                skip_until = to_token + 1;
                continue;
            }
            figures.push(figure);
        }
    }

    /// Whether the tokens between two counts only join them into one list.
    fn listed(&self, text: &str, tokens: &[Token], from: usize, k: usize) -> bool {
        let mut words = 0;
        for t in tokens[..k].iter().filter(|t| t.start >= from) {
            match t.item {
                Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricVerb(_) | Cue::Toll(_) | Cue::AttributionBefore)) => return false,
                Item::Cue(c) if is_comma(text, t) || c.has(|r| matches!(r, Cue::ListJoiner | Cue::Group(_) | Cue::People)) => {}
                Item::Number(_) => return false,
                Item::Punct(';' | '(' | ')') => {}
                Item::Punct(_) => return false,
                _ => words += 1,
            }
        }
        words <= MAX_WORDS_IN_LIST
    }

    /// "deux autres décès ... et un en Andalousie": an article-like "un" ending a list of counts.
    fn article_in_list(&self, tokens: &[Token], k: usize, list: Option<ListLink>) -> bool {
        let joined = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::ListJoiner));
        let located = matches!(tokens.get(k + 1).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::Locative));
        list.is_some() && joined && located
    }

    /// "fallecieron, uno en la colonia X": one, by place, right after the verb of its list.
    fn article_by_place(&self, text: &str, tokens: &[Token], k: usize) -> bool {
        let verb = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricVerb(_))));
        let before = match k.checked_sub(1).map(|p| &tokens[p]) {
            Some(t) if is_comma(text, t) => k.checked_sub(2).map(|p| &tokens[p]),
            t => t,
        };
        let located = matches!(tokens.get(k + 1).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::Locative));
        before.is_some_and(verb) && located
    }

    /// "Paiporta (45)", "des morts (542)": a count in parentheses after a place
    /// or a metric noun, in a sentence that already gave a figure.
    fn parenthesised(&self, tokens: &[Token], k: usize, figures: &[RawFigure], first: usize) -> Option<(Metric, Option<usize>)> {
        if k < 2 || !matches!(tokens[k - 1].item, Item::Punct('(')) || !matches!(tokens.get(k + 1).map(|t| t.item), Some(Item::Punct(')')))
        {
            return None;
        }
        if let Item::Cue(c) = tokens[k - 2].item {
            if let Some(m) = c.find(|r| if let Cue::MetricNoun(m) = r { Some(m) } else { None }) {
                return Some((m, None));
            }
        }
        if let Some(head) = (first..figures.len()).rev().find(|&i| figures[i].group == Group::Total) {
            return Some((figures[head].metric, Some(head)));
        }
        // "la moitié des morts ont été recensées à Al-Haouz (1.293)": the metric named before in the sentence.
        tokens[..k].iter().rev().find_map(|t| match t.item {
            Item::Cue(c) => c.find(|r| match r {
                Cue::MetricNoun(m) | Cue::MetricVerb(m) | Cue::Toll(m) => Some((m, None)),
                _ => None,
            }),
            _ => None,
        })
    }

    /// Years, times, dates, percentages, distances: numbers that count no one.
    fn not_a_count(&self, text: &str, tokens: &[Token], k: usize, value: u64, num: NumberMatch) -> bool {
        let next = tokens.get(k + 1);
        if let Some(t) = next {
            if let Item::Cue(c) = t.item {
                let adjacent = t.start - num.end <= 1;
                if (c.has(|r| r == Cue::NotCount) && adjacent) || c.has(|r| matches!(r, Cue::Month(_))) {
                    return true;
                }
            }
            // "1 de febrero", "1 of February".
            let short_word = matches!(t.item, Item::Word | Item::Cue(_)) && t.end - t.start <= 3;
            // ... and "une trentaine d'ONG", "a dozen of the hospitals".
            if short_word
                && matches!(tokens.get(k + 2).map(|m| m.item), Some(Item::Cue(c)) if c.has(|r| matches!(r, Cue::Month(_) | Cue::NotCount)))
            {
                return true;
            }
            if matches!(t.item, Item::Punct(':' | '/' | '°' | '€' | '$' | '£')) && t.start == num.end {
                return true;
            }
        }
        // "one of the victims", "l'un des blessés": one person among others, counted elsewhere.
        let word_after = next.filter(|t| t.start - num.end <= 1).map(|t| text[t.start..t.end].to_lowercase());
        if value == 1 && word_after.as_deref().is_some_and(|w| self.figures.partitives.iter().any(|p| p == w)) {
            return true;
        }
        // "une ville de 900 000 habitants": a place's population, said after "de", "of".
        let population = (k + 1..k + 3).any(|i| is_one_of(text, tokens, i, &self.figures.population));
        // ... also past a qualifier: "une ville de près de 900 000 habitants" (not "plus de 9 000 habitants ont fui").
        let of_word = |w: &str| self.figures.population_of.iter().any(|p| p.eq_ignore_ascii_case(w));
        let qualified = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Qualifier(_))));
        let of_before_qualifier = qualified && {
            let qualifier = &text[tokens[k - 1].start..tokens[k - 1].end];
            let before = text[..tokens[k - 1].start].split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty());
            qualifier.split(' ').next().is_some_and(of_word) || before.is_some_and(of_word)
        };
        let of_place =
            (k.saturating_sub(2)..k).any(|i| is_one_of(text, tokens, i, &self.figures.population_of)) && !qualified || of_before_qualifier;
        if population && of_place {
            return true;
        }
        // "February 1", "increased by 400": a day of a month, a change between tolls.
        if k > 0 {
            if let Item::Cue(c) = tokens[k - 1].item {
                if c.has(|r| matches!(r, Cue::Month(_) | Cue::Change | Cue::NotCountBefore)) {
                    return true;
                }
            }
        }
        // "which housed about 1,700": past a qualifier too.
        if k > 1 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Qualifier(_)))) {
            if let Item::Cue(c) = tokens[k - 2].item {
                if c.has(|r| r == Cue::NotCountBefore) {
                    return true;
                }
            }
        }
        let year_like = num.kind == NumberKind::Digits && (1900..=2100).contains(&value) && num.end - num.start == 4;
        if year_like {
            let counted = next.is_some_and(
                |t| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::Group(_) | Cue::People))),
            );
            return !counted;
        }
        // "n° 3", "le 28 novembre" is handled by Month; "article 5" and the like stay.
        k > 0 && matches!(tokens[k - 1].item, Item::Punct('°' | '#' | '/')) && tokens[k - 1].end == num.start
            || text[num.end..].starts_with('/')
    }

    /// The metric phrase after a number, and the group named on the way.
    /// An apposition or a sub-count between commas does not stop the search:
    /// "Au moins 11 civils, dont cinq enfants, ont été tués".
    fn right(&self, text: &str, tokens: &[Token], k: usize) -> Right {
        let mut out = self.right_scan(text, tokens, k);
        // "80 victims": killed, unless their clause says what happened to them ("remain in hospital").
        // Victims are affected by definition: "affected" there describes something else ("la région la plus affectée").
        if let Some(default) = out.victims.filter(|_| out.metric.is_none_or(|m| m == Metric::Affected)) {
            out.metric = Some(default);
        }
        out
    }

    fn right_scan(&self, text: &str, tokens: &[Token], k: usize) -> Right {
        let mut out = Right {
            metric: None,
            group: None,
            people: false,
            crossed_joiner: false,
            copula: false,
            end: tokens[k].end,
            words: 0,
            not_impact: false,
            victims: None,
        };
        let mut mixed = false;
        let mut i = k + 1;
        while i < tokens.len() {
            let t = &tokens[i];
            i += 1;
            match t.item {
                Item::Cue(c) if c.has(|r| r == Cue::NotImpact) => {
                    out.not_impact = true;
                    return out;
                }
                Item::Cue(c) => {
                    // "elevó a 64 el número de fallecidos", "porté à 64 le nombre de morts": the toll named right after.
                    let article = matches!(tokens[k].item, Item::Number(n) if n.kind == NumberKind::Article);
                    let toll = c
                        .find(|r| if let Cue::Toll(m) = r { Some(m) } else { None })
                        .filter(|_| out.words <= 1 && out.group.is_none() && !article);
                    if let Some(m) = c
                        .find(|r| match r {
                            Cue::MetricNoun(m) | Cue::MetricVerb(m) => Some(m),
                            _ => None,
                        })
                        .or(toll)
                    {
                        out.metric = Some(m);
                        out.end = out.end.max(t.end).min(if out.words > MAX_WORDS_AFTER { out.end } else { t.end });
                        if out.group.is_none() && !mixed {
                            out.group = c.find(|r| if let Cue::Group(g) = r { Some(g) } else { None });
                        }
                        // "131 de los fallecidos son hombres": a copula after the noun names the group.
                        if out.group.is_none() {
                            if let [copula, named, ..] = &tokens[i..] {
                                let group = |t: &Token| match t.item {
                                    Item::Cue(c) => c.find(|r| if let Cue::Group(g) = r { Some(g) } else { None }),
                                    _ => None,
                                };
                                if matches!(copula.item, Item::Cue(c) if c.has(|r| r == Cue::Copula)) && group(named).is_some() {
                                    out.group = group(named);
                                    out.end = named.end;
                                }
                            }
                        }
                        if mixed {
                            out.group = None;
                        }
                        return out;
                    }
                    if let Some(g) = c.find(|r| if let Cue::Group(g) = r { Some(g) } else { None }) {
                        // "soldats syriens et combattants jihadistes": two groups joined count as a total.
                        mixed |= out.crossed_joiner && out.group.is_some_and(|first| first != g);
                        out.group.get_or_insert(g);
                        if out.words <= MAX_WORDS_AFTER {
                            out.end = t.end;
                        }
                        continue;
                    }
                    if c.has(|r| r == Cue::Copula) && out.group.is_none() {
                        out.copula = true;
                        continue;
                    }
                    if let Some(m) = c.find(|r| if let Cue::Victims(m) = r { Some(m) } else { None }).filter(|_| out.metric.is_none()) {
                        out.people = true;
                        out.victims = Some(m);
                        if out.words <= MAX_WORDS_AFTER {
                            out.end = t.end;
                        }
                        continue;
                    }
                    if c.has(|r| r == Cue::People) {
                        out.people = true;
                        if out.words <= MAX_WORDS_AFTER {
                            out.end = t.end;
                        }
                        continue;
                    }
                    // "dos de ellas niños", "four of them are children": the whole it is taken from, then its group.
                    if c.has(|r| r == Cue::Subset) && out.words == 0 && !out.people && out.group.is_none() {
                        continue;
                    }
                    if c.has(|r| r == Cue::Subset) {
                        // Skip the sub-count clause up to its closing comma, or to the verb
                        // when an aside without a count ends it ("including members of X - its affiliate - had died").
                        let verb = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricVerb(_))));
                        let comma = tokens[i..].iter().position(|t| is_comma(text, t));
                        let count = |t: &Token| matches!(t.item, Item::Number(n) if n.kind != NumberKind::Article);
                        let to_verb = tokens[i..].iter().take(MAX_WORDS_IN_ASIDE).position(|t| verb(t) || count(t));
                        match (comma, to_verb.filter(|&p| verb(&tokens[i + p]))) {
                            (Some(c), v) if v.is_none_or(|v| c < v) => i += c + 1,
                            (_, Some(v)) => i += v,
                            _ => return out,
                        }
                        continue;
                    }
                    out.crossed_joiner |= c.has(|r| r == Cue::ListJoiner);
                    if is_comma(text, t) {
                        // Past a comma only a noun phrase (an apposition) may come before the verb.
                        if out.group.is_none() && !out.people {
                            return out;
                        }
                        // The victims' own verb stands in their clause: "207 victimes, dont 204 ..., la plus affectée" is the region.
                        let subset_next = matches!(tokens.get(i).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::Subset));
                        if out.victims.is_some() && !subset_next {
                            return out;
                        }
                        out.words += 1;
                        continue;
                    }
                    if c.has(|r| matches!(r, Cue::Qualifier(_) | Cue::AttributionBefore | Cue::AttributionAfter | Cue::Toll(_))) {
                        return out;
                    }
                    out.words += 1;
                }
                Item::Word => out.words += 1,
                Item::Punct('"') => {}
                // "1 384 personnes – 759 femmes et 625 hommes – auraient été tuées": an aside between
                // dashes after the noun is skipped; past a closing dash the verb may follow.
                // A spaced hyphen stands for a dash: "members of the Front - its local affiliate - had died".
                Item::Punct('–' | '—' | '-') if out.group.is_some() || out.people => {
                    let dash = |t: &Token| matches!(t.item, Item::Punct('–' | '—' | '-'));
                    let closing = tokens[i..].iter().take(MAX_WORDS_IN_ASIDE).position(dash);
                    if let Some(p) = closing {
                        i += p + 1;
                    }
                }
                Item::Number(_) | Item::Punct(_) => return out,
            }
            let limit = if out.group.is_some() || out.people { MAX_WORDS_AFTER_NOUN } else { MAX_WORDS_AFTER };
            if out.words > limit {
                return out;
            }
        }
        out
    }

    /// A metric verb or toll before a number: "a tué au moins 31", "death toll rose to 632".
    /// A collective may also take the noun before it: "des centaines de morts, peut-être le millier".
    fn left(&self, tokens: &[Token], k: usize, collective: bool) -> Option<(Metric, usize)> {
        // "The number of people killed ... rose to 37": a rise takes the metric named before it.
        let rise = tokens[k.saturating_sub(3)..k].iter().rposition(|t| matches!(t.item, Item::Cue(c) if c.has(|r| r == Cue::Rise)));
        if let Some(r) = rise.map(|r| k.saturating_sub(3) + r) {
            let named = tokens[..r].iter().rev().find_map(|t| match t.item {
                Item::Cue(c) => c.find(|r| match r {
                    Cue::MetricNoun(m) | Cue::MetricVerb(m) | Cue::Toll(m) => Some(m),
                    _ => None,
                }),
                _ => None,
            });
            if let Some(m) = named {
                return Some((m, tokens[r].start));
            }
        }
        let mut words = 0;
        for (back, t) in tokens[..k].iter().rev().enumerate() {
            match t.item {
                Item::Cue(c) => {
                    if let Some(m) = c.find(|r| match r {
                        Cue::MetricVerb(m) | Cue::Toll(m) => Some(m),
                        Cue::MetricNoun(m) if collective => Some(m),
                        _ => None,
                    }) {
                        return Some((m, t.start));
                    }
                    // "fallecieron, dos en la colonia X": the verb of a list by place, then its comma.
                    let verb_then_comma = back == 0
                        && c.has(|r| r == Cue::ListJoiner)
                        && k >= 2
                        && matches!(tokens[k - 2].item, Item::Cue(v) if v.has(|r| matches!(r, Cue::MetricVerb(_))))
                        && matches!(tokens.get(k + 1).map(|t| t.item), Some(Item::Cue(l)) if l.has(|r| r == Cue::Locative));
                    if verb_then_comma {
                        continue;
                    }
                    if c.has(|r| matches!(r, Cue::Subset | Cue::ListJoiner)) && !collective {
                        return None;
                    }
                    words += 1;
                }
                Item::Word => words += 1,
                // "plusieurs centaines (de morts), peut-être le millier": an aside names the noun.
                Item::Punct('(' | ')') if collective => {}
                Item::Number(_) | Item::Punct('(' | ')' | ';' | '"') => return None,
                Item::Punct(_) => {}
            }
            if words > MAX_WORDS_BEFORE {
                return None;
            }
        }
        None
    }

    /// The figure of this sentence whose list this number continues.
    fn list_head(&self, text: &str, tokens: &[Token], k: usize, figures: &[RawFigure], first: usize, max_words: usize) -> Option<ListLink> {
        let last = figures.len().checked_sub(1).filter(|&i| i >= first)?;
        let head_end = figures[last].number.end;
        let between = tokens[..k].iter().enumerate().rev().take_while(|(_, t)| t.start >= head_end);
        let (mut words, mut subset, mut verb_between, mut joined) = (0, false, false, false);
        // "siete niños menores de 10 años y 26 extranjeros": an age or a length is a word of the list.
        let measure = |i: usize| matches!(tokens.get(i + 1).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::NotCount));
        for (i, t) in between {
            match t.item {
                Item::Number(_) if measure(i) => words += 1,
                Item::Cue(c) => {
                    subset |= c.has(|r| r == Cue::Subset);
                    joined |= is_comma(text, t) || c.has(|r| matches!(r, Cue::ListJoiner | Cue::Subset));
                    verb_between |= c.has(|r| matches!(r, Cue::MetricVerb(_)));
                    if c.has(|r| matches!(r, Cue::MetricVerb(m) | Cue::MetricNoun(m) if m != figures[last].metric)) {
                        return None;
                    }
                    if c.has(|r| matches!(r, Cue::Toll(_) | Cue::AttributionBefore)) {
                        return None;
                    }
                }
                Item::Word => words += 1,
                Item::Number(_) => return None,
                Item::Punct('(' | ')' | ';' | '–' | '—' | ':') => joined = true,
                // "100 soldats. et 28 civils": a stray stop that ends no sentence.
                Item::Punct('.') if text[t.end..].trim_start().starts_with(char::is_lowercase) => {}
                Item::Punct(_) => return None,
            }
        }
        (joined && words <= max_words).then_some(ListLink { index: last, subset, verb_between })
    }

    /// A qualifier phrase right before the number, and where it starts.
    fn qualifier_before(&self, text: &str, tokens: &[Token], k: usize) -> Option<(Qualifier, usize)> {
        let num_start = tokens[k].start;
        for t in tokens[..k].iter().rev().take(3) {
            match t.item {
                Item::Cue(c) => {
                    if let Some(q) = c.find(|r| if let Cue::Qualifier(q) = r { Some(q) } else { None }) {
                        let gap = &text[t.end..num_start];
                        return (gap.split_whitespace().count() <= 2).then_some((q, t.start));
                    }
                    if c.has(|r| r == Cue::RangeStart) && self.range_end(tokens, k, true).is_some() {
                        return Some((Qualifier::Range, t.start));
                    }
                    if !c.has(|r| r == Cue::RangeStart) {
                        return None;
                    }
                }
                Item::Word if text[t.start..t.end].len() <= 3 => {}
                _ => return None,
            }
        }
        None
    }

    /// "60.000 à 70.000": the upper bound of a range starting at token `k`.
    fn range_end(&self, tokens: &[Token], k: usize, announced: bool) -> Option<(u64, usize)> {
        let joiner = tokens.get(k + 1)?;
        let Item::Cue(c) = joiner.item else { return None };
        if !c.has(|r| r == Cue::RangeEnd) || !announced {
            return None;
        }
        let Item::Number(hi) = tokens.get(k + 2)?.item else { return None };
        Some((hi.integer()?, k + 2))
    }
}

#[derive(Clone, Copy)]
struct Right {
    metric: Option<Metric>,
    group: Option<Group>,
    /// A counted noun saying nothing of the group ("personnes") was seen.
    people: bool,
    /// The search went past "et", "and", a comma.
    crossed_joiner: bool,
    /// A copula stood between the number and its group: "104 eran mayores".
    copula: bool,
    end: usize,
    words: usize,
    /// Said to be buried, or the like: no figure at all.
    not_impact: bool,
    /// "victims", "patients": people something happened to, which a later verb may say; the metric they count otherwise.
    victims: Option<Metric>,
}

#[derive(Clone, Copy)]
struct ListLink {
    index: usize,
    subset: bool,
    verb_between: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    pub(super) fn find(lang: &str, text: &str) -> Vec<(Metric, u64, Qualifier, Group, String)> {
        let finder = FigureFinder::new(Languages::get().by_code(lang).unwrap());
        finder.find(text).figures.into_iter().map(|f| (f.metric, f.value, f.qualifier, f.group, text[f.span].to_string())).collect()
    }

    use Group::*;
    use Metric::*;
    use Qualifier::*;

    #[test]
    fn spans_of_time_count_no_one() {
        assert!(find("en", "Floods that killed dozens, the deadliest to hit the region for three decades.").is_empty());
        assert!(find("es", "Las peores inundaciones en tres décadas.").is_empty());
    }

    /// The date expressions of `text`.
    fn dates(lang: &str, text: &str) -> Vec<When> {
        FigureFinder::new(Languages::get().by_code(lang).unwrap()).find(text).dates.into_iter().map(|d| d.when).collect()
    }

    #[test]
    fn dates_with_joiners_ordinals_and_years() {
        let march = |day, year| When::DayMonth { day, month: 3, year };
        assert_eq!(dates("es", "Ocurrió el 3 de marzo de 2015."), [march(3, Some(2015))]);
        assert_eq!(dates("fr", "Le bilan du 1er mars."), [march(1, None)]);
        assert_eq!(dates("en", "On the 1st of March, and on March 2nd, 2015."), [march(1, None), march(2, Some(2015))]);
        // A year that dates a day is no other event's.
        let found = FigureFinder::new(Languages::get().by_code("es").unwrap()).find("Murieron 12 personas el 3 de marzo de 2015.");
        assert!(found.years.is_empty());
    }

    #[test]
    fn a_labelled_date_after_an_event_verb_dates_the_event() {
        let finder = FigureFinder::new(Languages::get().by_code("fr").unwrap());
        let found = finder.find("L'île a été balayée par le cyclone, samedi 14 décembre, faisant au moins 14 morts.");
        assert_eq!(found.dates.iter().map(|d| d.since).collect::<Vec<_>>(), [true]);
    }

    #[test]
    fn a_dateline_is_no_count_date() {
        assert_eq!(dates("fr", "Goma, 24 mars 2025 - Au moins 12 morts dimanche."), [When::Weekday(6)]);
        assert_eq!(dates("en", "GOMA, March 24, 2025 — At least 12 died on Sunday."), [When::Weekday(6)]);
        assert_eq!(dates("en", "Amman, Sep. 9 (Petra) -- The toll rose to 80 on Sunday."), [When::Weekday(6)]);
    }

    #[test]
    fn weekdays_label_dates_point_back_or_look_ahead() {
        // "jeudi 20 mars" is the date; the weekday only labels it.
        assert_eq!(dates("fr", "Depuis jeudi 20 mars."), [When::DayMonth { day: 20, month: 3, year: None }]);
        assert_eq!(dates("en", "It struck on Thursday, March 20."), [When::DayMonth { day: 20, month: 3, year: None }]);
        assert_eq!(dates("fr", "Le maire parlera lundi prochain."), []);
        assert_eq!(dates("es", "Ocurrió el pasado martes."), [When::LastWeekday(1)]);
        assert_eq!(dates("en", "It happened last Friday."), [When::LastWeekday(4)]);
    }

    #[test]
    fn days_and_weeks_ago() {
        assert_eq!(dates("fr", "Le séisme a eu lieu il y a trois jours."), [When::Relative(-3)]);
        assert_eq!(dates("es", "La riada fue hace dos semanas."), [When::Relative(-14)]);
        assert_eq!(dates("en", "The flood came 4 days ago."), [When::Relative(-4)]);
        assert_eq!(dates("en", "The flood lasted 4 days."), []);
    }

    #[test]
    fn counts_that_add_up_to_a_total_are_its_parts() {
        let finder = FigureFinder::new(Languages::get().by_code("en").unwrap());
        let found = finder.find("The ministry counted 50 dead on Sunday. Rescuers say 30 died in the valley and 20 on the coast.");
        let parts: Vec<_> = found.figures.iter().map(|f| (f.value, f.part_of)).collect();
        assert_eq!(parts, [(50, None), (30, Some(0)), (20, Some(0))]);
        // The total may stand in the same sentence, some parts already linked to it.
        let found = FigureFinder::new(Languages::get().by_code("fr").unwrap()).find(
            "Le bilan s'élève à 31 morts, parmi lesquels 22 sont décédés à l'hôpital et les neuf autres ont été recensés par les communes.",
        );
        assert_eq!(found.figures.iter().map(|f| (f.value, f.part_of)).collect::<Vec<_>>(), [(31, None), (22, Some(0)), (9, Some(0))]);
        // Counts that do not add up stay apart.
        let found = finder.find("The ministry counted 50 dead on Sunday. Rescuers say 30 died in the valley and 21 on the coast.");
        assert!(found.figures.iter().all(|f| f.part_of.is_none()));
    }

    #[test]
    fn a_toll_named_right_after_the_number_gives_its_metric() {
        let got = find("es", "El Ministerio del Interior elevó el domingo a 64 el número de fallecidos.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 64)]);
        assert!(find("fr", "selon un nouveau bilan").is_empty(), "an article is no count");
    }

    #[test]
    fn a_long_cause_is_cut_between_characters() {
        // The cause phrase is cut at a byte bound that falls inside a Cyrillic letter.
        let text = format!("At least 12 people were killed in strikes ab {}", "Л".repeat(80));
        assert_eq!(find("en", &text).len(), 1);
    }

    #[test]
    fn a_rise_before_the_number_names_its_metric() {
        let got = find("en", "Floods: death toll climbs to 37 as search for missing goes on");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 37)]);
    }

    #[test]
    fn the_buried_and_nationalities_are_no_figures() {
        let got = find("en", "The toll rose to 1,200 deaths, 900 of them were buried on Sunday.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [1200]);
        let got = find("es", "Murieron 30 personas, de 7 nacionalidades distintas.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [30]);
    }

    #[test]
    fn organisations_and_facilities_count_no_one() {
        let got = find("fr", "Plus de 9 000 habitants ont fui leurs foyers, et une vingtaine d'ONG et 12 centres médicaux ont fermé.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [9000]);
        assert!(find("en", "Some 40 NGOs and 15 clinics halted their work after 300 people fled.").iter().all(|f| f.1 == 300));
    }

    #[test]
    fn a_bare_count_in_a_list_counts_the_same_kind() {
        let got = find("fr", "Parmi les tués figurent 9 soldats turcs et au moins deux de leurs alliés.");
        assert!(got.iter().any(|f| f.1 == 2 && f.3 == Soldiers), "{got:?}");
        // A count with its own noun keeps it.
        let got = find("en", "The blast killed 12 soldiers and 3 civilians.");
        assert!(got.iter().any(|f| f.1 == 3 && f.3 == Civilians), "{got:?}");
    }

    #[test]
    fn an_age_inside_a_list_does_not_break_it() {
        let got = find("es", "El balance incluye el fallecimiento de cuatro niños menores de 5 años y 12 extranjeros.");
        let counts: Vec<_> = got.iter().map(|f| (f.0, f.1, f.3)).collect();
        assert_eq!(counts, [(Killed, 4, Children), (Killed, 12, Foreigners)]);
    }

    #[test]
    fn a_copula_after_the_noun_names_the_group() {
        let got = find("es", "Según el recuento, 70 de los fallecidos son mujeres y 50 son hombres.");
        assert!(got.iter().any(|f| f.1 == 70 && f.3 == Women), "{got:?}");
        assert!(got.iter().any(|f| f.1 == 50 && f.3 == Men), "{got:?}");
    }

    #[test]
    fn the_people_a_count_is_taken_from_stand_before_its_group() {
        let groups = |lang: &str, text: &str| find(lang, text).into_iter().map(|f| (f.1, f.3)).collect::<Vec<_>>();
        assert!(groups("es", "Hay 31 heridos, cinco de ellos niños.").contains(&(5, Children)));
        assert!(groups("en", "Thirty people drowned. Six of them were women, the coast guard said.").contains(&(6, Women)));
        assert!(groups("fr", "Au moins 18 morts, dont sept enfants.").contains(&(7, Children)));
        // Another metric further down the list counts other people.
        let es = groups("es", "Murieron 12 personas; 40 heridos, 9 de ellos menores; y 7 desaparecidos.");
        assert!(es.contains(&(9, Children)) && es.contains(&(7, Total)), "{es:?}");
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
    }

    #[test]
    fn an_aside_after_a_sub_count_word_leads_to_the_verb() {
        let got = find("en", "More than 60 fighters, including members of the Delta Brigade - a local militia - have died in the clashes.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(), [(Killed, 60, Fighters)], "{got:?}");
        let got = find("es", "Unos 40 rebeldes, entre ellos varios jefes - según la radio local - murieron en los combates.");
        assert!(got.iter().any(|f| f.0 == Killed && f.1 == 40), "{got:?}");
        let got = find("fr", "Plus de 30 soldats, dont des officiers - selon l'armée - ont été tués.");
        assert!(got.iter().any(|f| f.0 == Killed && f.1 == 30), "{got:?}");
    }

    #[test]
    fn a_verb_then_a_list_by_place() {
        let got = find("es", "Tras el sismo fallecieron, dos en la colonia Norte y tres en el puerto.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 2), (Killed, 3)], "{got:?}");
        let got = find("es", "Por el derrumbe murieron, uno en el mercado y cuatro en la escuela.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 1), (Killed, 4)], "{got:?}");
    }

    #[test]
    fn the_wounded_in_critical_condition_are_a_group() {
        let critical =
            |lang: &str, text: &str, value: u64| find(lang, text).iter().any(|f| f.1 == value && f.0 == Injured && f.3 == Critical);
        assert!(critical("en", "Of the 50 hurt, 8 remain in critical condition.", 8));
        assert!(critical("fr", "Sur les 50 blessés, 6 sont dans un état critique.", 6));
        assert!(critical("es", "De los heridos, 4 están en estado crítico.", 4));
        // Serious alone stays with the wounded at large.
        assert!(find("es", "Hay 12 heridos en estado grave.").iter().any(|f| f.1 == 12 && f.3 == Total));
    }

    #[test]
    fn a_stray_stop_inside_a_list_does_not_end_it() {
        let got = find("fr", "Le bilan s'élève à 64 morts : 30 rebelles, 20 soldats de l'armée. et 14 civils, selon l'ONG.");
        assert!(got.iter().any(|f| f.1 == 14 && f.3 == Civilians), "{got:?}");
    }

    #[test]
    fn an_aside_names_the_noun_of_a_collective() {
        let got = find("fr", "\"Il y aura des dizaines (de morts), peut-être approcherons-nous la centaine\", craint le maire.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(), [(Killed, 100, Nearly)]);
    }

    #[test]
    fn counts_after_a_colon_break_a_total_down() {
        let finder = FigureFinder::new(Languages::get().by_code("fr").unwrap());
        let found = finder.find("En outre, 24 civils sont morts : 19 dans les bombardements et quatre dans des tirs de roquettes.");
        let parts: Vec<_> = found.figures.iter().filter(|f| f.value != 24).map(|f| (f.value, f.group, f.part_of)).collect();
        assert_eq!(parts, [(19, Civilians, Some(0)), (4, Civilians, Some(0))]);
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
    fn a_list_takes_the_metric_and_qualifier_at_its_ends() {
        let got = find("fr", "Au moins 143 soldats, 274 rebelles ainsi que 89 civils ont été tués.");
        assert_eq!(
            got.iter().map(|f| (f.0, f.1, f.2, f.3)).collect::<Vec<_>>(),
            [(Killed, 143, AtLeast, Soldiers), (Killed, 274, AtLeast, Fighters), (Killed, 89, AtLeast, Civilians),]
        );
        let got = find("es", "La ONG contabiliza 112 muertos. Entre las víctimas hay 41 civiles, 55 combatientes y 16 militares.");
        assert_eq!(got.iter().map(|f| (f.1, f.3)).collect::<Vec<_>>(), [(112, Total), (41, Civilians), (55, Fighters), (16, Soldiers)]);
        let got = find("en", "Officials had put the toll at twelve on Thursday; since February 1, 40 people were evacuated.");
        assert_eq!(got.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 12), (Evacuated, 40)]);
    }

    #[test]
    fn causes_follow_the_figure() {
        let finder = FigureFinder::new(Languages::get().by_code("fr").unwrap());
        let text = "24 civils ont été tués, dont 19 dans des frappes de l'aviation russe.";
        let causes: Vec<Option<&str>> = finder.find(text).figures.iter().map(|f| f.cause.clone().map(|c| &text[c])).collect();
        assert_eq!(causes, [None, Some("frappes de l'aviation russe")]);
    }

    #[test]
    fn a_day_that_qualifies_the_event_dates_the_event() {
        let since = |lang: &str, text: &str| {
            let finder = FigureFinder::new(Languages::get().by_code(lang).unwrap());
            finder.find(text).dates.iter().map(|d| d.since).collect::<Vec<_>>()
        };
        assert_eq!(since("en", "Tuesday night's quake killed 40 people, officials said on Thursday."), [true, false]);
        // A date that opens a period ("from ... until") counts nothing.
        assert_eq!(since("fr", "Au moins 80 civils ont été tués du 3 février jusqu'à mardi soir."), [true, false]);
        assert_eq!(since("es", "Murieron 15 personas desde el 3 de marzo hasta el viernes."), [true, false]);
        assert_eq!(since("en", "Some 30 people died from March 3 until Friday."), [true, false]);
        assert_eq!(since("fr", "Le séisme de samedi a fait 12 morts, selon un bilan publié lundi."), [true, false]);
        assert_eq!(since("es", "El ataque del viernes por la noche dejó 9 muertos, informó el domingo la policía."), [true, false]);
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
    fn an_aside_between_dashes_does_not_hide_the_verb() {
        let got = find("fr", "Au total, 1 200 personnes – 700 femmes et 500 hommes – auraient été tuées.");
        let got: Vec<(Metric, u64, Group)> = got.iter().map(|f| (f.0, f.1, f.3)).collect();
        assert_eq!(got, [(Killed, 1200, Total), (Killed, 700, Women), (Killed, 500, Men)]);
        let en = find("en", "Some 90 people — most of them miners — were killed.");
        assert_eq!(en.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 90)]);
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
    fn victims_are_what_their_clause_says() {
        assert_eq!(find("en", "Some 60 victims remain in hospital.")[0].0, Injured);
        assert_eq!(find("en", "The 12 victims were buried on Friday.").len(), 0, "buried: no figure");
        assert_eq!(find("es", "Unas 30 víctimas siguen ingresadas en Lorca.")[0].0, Injured);
        assert_eq!(find("fr", "Le séisme a fait 45 victimes.")[0].0, Killed);
        // "affected" there is the region's.
        assert_eq!(find("fr", "On compte 80 victimes, dont 70 dans la province, la plus affectée.")[0].0, Killed);
    }

    #[test]
    fn one_among_others_and_populations_are_no_counts() {
        assert!(find("en", "She was one of the injured taken to the clinic.").is_empty());
        assert!(find("es", "Uno de los heridos fue trasladado.").iter().all(|f| f.1 != 1));
        let got = find("fr", "La crue a tué 14 personnes dans cette ville de 80 000 habitants.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [14]);
        let got = find("es", "Murieron 9 personas en una ciudad de un millón de habitantes.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [9]);
        let got = find("fr", "L'ouragan a tué 20 personnes dans cette ville de près de 300 000 habitants.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [20]);
        // Who lived in a building is no toll of it.
        let got = find("en", "The strike killed 31 people. Some 600 people lived in the block, which housed about 200 families.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [31]);
        let got = find("es", "El misil mató a 12 personas; unas 400 personas vivían en el edificio.");
        assert_eq!(got.iter().map(|f| f.1).collect::<Vec<_>>(), [12]);
    }

    #[test]
    fn light_verbs_need_their_object() {
        assert!(find("es", "La riada dejó daños en 300 viviendas.").is_empty());
        assert_eq!(find("es", "La riada dejó 12 muertos.")[0].1, 12);
        assert_eq!(find("en", "The storm left 7 dead.")[0].1, 7);
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
