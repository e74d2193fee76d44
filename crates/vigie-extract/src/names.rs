//! Names the lists do not know: people and organisations, read from the
//! shape of the text rather than looked up.
//!
//! A name is a run of capitalised words, joined by the short lower-case
//! words of names ("Comité de Investigación", "Service of the Interior").
//! Roles and honorifics before it ("Governor", "la gobernadora", "Dr") are
//! not part of it. A run with an organisation's head word ("Ministry",
//! "Fiscalía") names an organisation; two or more other words, or one
//! after a title, name a person; a lone word that repeats the last word of
//! a person named in the article ("Reznichenko said") is that person.

use crate::config::{MEDIUM_WORDS, ROLE_PLACE_WORDS};
use std::collections::HashSet;
use std::ops::Range;
use vigie_lang::world::gazetteer;
use vigie_lang::Language;

/// Words this common are function words: never the first word of a name ("The", "El", "Selon").
const FUNCTION_WORD_RANK: u32 = 300;
/// A name whose every word is this common is a phrase, not a person ("Breaking News").
const COMMON_WORD_RANK: u32 = 3000;

/// Marks after which a capital opens a clause, as at a sentence's start: quotations, a colon, a bracket, a dash.
const CLAUSE_OPENERS: [char; 8] = ['"', '«', '“', '\'', ':', '(', '—', '–'];
/// The most capitalised words a name may have.
const MAX_NAME_WORDS: usize = 8;
/// The most lower-case words that may continue an organisation's name ("Comité d'enquêtes russe").
const MAX_TAIL_WORDS: usize = 5;
/// ... when its acronym follows in brackets ("Institut national de gestion des risques de catastrophes (INGD)").
const MAX_TAIL_WORDS_TO_ACRONYM: usize = 10;
/// The most letters of an acronym in brackets after a name.
const MAX_ACRONYM_LETTERS: usize = 10;
/// How many words (the joiner included) may stand between a place word and the name it announces ("région voisine de").
const PLACE_WORD_REACH: usize = 2;
/// How many letters a sentence written in capitals needs to be read as a headline in capitals (not "UN").
const CAPITALS_HEADLINE_LETTERS: usize = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
    /// A news outlet ("TOLO News"): it relays, it does not speak.
    Outlet,
    /// One capitalised word that is no common word: an agency, a company, a surname.
    Single,
}

/// A name found in text: where it stands and how it reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub span: Range<usize>,
    pub kind: NameKind,
    /// The name as written, without the role before it; a surname stands for the full name.
    pub label: String,
    /// A lone word that may be a common word: kept only when it repeats a surname.
    weak: bool,
}

/// One language's name reader.
pub struct NameReader {
    lang: &'static Language,
    titles: HashSet<String>,
    org_heads: HashSet<String>,
    media_heads: HashSet<String>,
    joiners: HashSet<String>,
    /// Lower-case particles of people's names ("bin", "al", "van").
    particles: HashSet<String>,
    not_speaker_after: HashSet<String>,
    /// Country names and adjectives: "Mexique" alone is no agency.
    countries: HashSet<String>,
    /// Nouns of events: "Hurricane Otis", "la tempête Ciarán" name an event, not a speaker.
    events: HashSet<String>,
    calendar: HashSet<String>,
}

/// A word of a sentence: where it stands, lower-cased, and whether it is capitalised.
pub(crate) struct Word {
    pub(crate) span: Range<usize>,
    pub(crate) lower: String,
    pub(crate) capital: bool,
}

impl NameReader {
    pub fn new(lang: &'static Language) -> Self {
        let lower = |words: &[String]| words.iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        let s = &lang.sources;
        let mut org_heads = lower(&s.org_heads);
        org_heads.extend(lower(&s.ngo_heads));
        let calendar = lang.dates.months.iter().chain(&lang.dates.weekdays).flatten().map(|w| w.to_lowercase()).collect();
        let countries = s.countries.values().flatten().map(|w| w.to_lowercase()).collect();
        NameReader {
            lang,
            titles: lower(&s.titles),
            org_heads,
            media_heads: lower(&s.media_heads),
            joiners: lower(&s.name_joiners),
            particles: lower(&s.name_particles),
            not_speaker_after: lower(&s.not_speaker_after),
            countries,
            calendar,
            events: lower(&lang.dates.event_nouns),
        }
    }

    /// Whether `word` (any case) is a role or honorific that may stand before a name.
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(&word.to_lowercase())
    }

    /// The people and organisations named in `text`, in order; `sentences`
    /// say where capitals mean nothing (a sentence's first word). Next to one
    /// of the reporting `cues` (in text order), a run of common words is a person all the same
    /// ("Carlos Gómez confirmó", "said Paul Martin").
    pub fn names(&self, text: &str, sentences: &[Range<usize>], cues: &[Range<usize>]) -> Vec<Name> {
        let mut out = Vec::new();
        for sentence in sentences {
            // "CHAD SAYS IT KILLED 384": in a headline written in capitals, capitals mean nothing.
            let letters = text[sentence.clone()].chars().filter(|c| c.is_alphabetic());
            let (upper, all) = letters.fold((0, 0), |(u, a), c| (u + usize::from(c.is_uppercase()), a + 1));
            if all >= CAPITALS_HEADLINE_LETTERS && upper * 10 >= all * 9 {
                continue;
            }
            let mut words = words(text, sentence.clone());
            self.mark_particles(&mut words);
            let mut i = 0;
            while i < words.len() {
                let Some(end) = self.run(text, &words, i) else {
                    i += 1;
                    continue;
                };
                // "NAME of the Security Service", "NAME de la Fiscalía": a person, then whom they serve.
                if let Some(person) = self.person_of(text, &words, i, end, cues) {
                    i = person.1;
                    out.push(person.0);
                    continue;
                }
                if let Some(name) = self.classify(text, &words, i, end, i == 0, cues) {
                    out.push(name);
                }
                i = end;
            }
        }
        // "Policía Nacional Civil (PNC)": an organisation goes by the acronym given with it.
        for n in out.iter_mut().filter(|n| n.kind == NameKind::Organisation) {
            if let Some(acronym) = acronym_after(text, n.span.end) {
                n.label = text[acronym].to_string();
            }
        }
        resolve_surnames(&mut out, |w| self.is_title(w));
        out.retain(|n| !n.weak);
        out
    }

    /// Particles inside a person's name count as its capitals: "Osama bin Laden",
    /// "Abdulmenam al Ghaithi", "al-Ghaithi" (a particle glued to a capital by a hyphen).
    fn mark_particles(&self, words: &mut [Word]) {
        let particle = |w: &str| self.particles.contains(w);
        for w in words.iter_mut() {
            if let Some((head, tail)) = w.lower.split_once('-') {
                let glued_capital = tail.chars().next().is_some_and(char::is_alphabetic);
                if particle(head) && glued_capital && !w.capital {
                    w.capital = true;
                }
            }
        }
        for i in 1..words.len().saturating_sub(1) {
            if !words[i].capital && particle(&words[i].lower) && words[i - 1].capital && words[i + 1].capital {
                words[i].capital = true;
            }
        }
    }

    /// The end (exclusive) of the run of capitalised words starting at `i`, if one does.
    fn run(&self, text: &str, words: &[Word], i: usize) -> Option<usize> {
        if !words[i].capital {
            return None;
        }
        let mut end = i + 1;
        loop {
            // Joiners are free: "Secretaría de Gestión Integral de Riesgos y Protección Civil".
            if end >= words.len() || words[i..end].iter().filter(|w| w.capital).count() >= MAX_NAME_WORDS {
                break;
            }
            let glued = |a: &Word, b: &Word| {
                let gap = &text[a.span.end..b.span.start];
                gap == " " || gap == "'" || (gap == ". " && self.is_title(&a.lower))
            };
            if words[end].capital && glued(&words[end - 1], &words[end]) {
                end += 1;
                continue;
            }
            // "Comité de Investigación", "Ministerio de Gestión de Catástrofes": up to two joiners between capitals.
            let joined = (end..(end + 2).min(words.len()))
                .take_while(|&j| self.joiners.contains(&words[j].lower) && !words[j].capital && glued(&words[j - 1], &words[j]))
                .last();
            match joined {
                Some(j) if j + 1 < words.len() && words[j + 1].capital && glued(&words[j], &words[j + 1]) => end = j + 2,
                _ => break,
            }
        }
        Some(end)
    }

    /// The person opening a run that goes on with a joiner to another name,
    /// and where that person ends.
    fn person_of(&self, text: &str, words: &[Word], start: usize, end: usize, cues: &[Range<usize>]) -> Option<(Name, usize)> {
        let joiner = (start + 2..end).find(|&j| !words[j].capital && self.joiners.contains(&words[j].lower))?;
        let name = self.classify(text, words, start, joiner, start == 0, cues)?;
        // "of the Coastal Rescue Service", "of the Lakeside news agency": the body's head word, capitalised or not.
        let head_after = self.lower_case_words(words, end).iter().any(|w| self.org_heads.contains(&w.lower));
        let heads = |w: &Word| self.org_heads.contains(&w.lower) || self.media_heads.contains(&w.lower);
        let served = head_after || words[joiner..end].iter().any(|w| w.capital && heads(w));
        let own_words = words[start..joiner].iter().all(|w| !self.org_heads.contains(&w.lower));
        (name.kind == NameKind::Person && served && own_words).then_some((name, joiner))
    }

    /// The lower-case words that may continue an organisation's name from `from`:
    /// joiners and content words, up to the first function word, capital or clause break.
    fn lower_case_words<'w>(&self, words: &'w [Word], from: usize) -> &'w [Word] {
        self.lower_case_words_within(words, from, MAX_TAIL_WORDS)
    }

    /// `lower_case_words`, at most `most` of them.
    fn lower_case_words_within<'w>(&self, words: &'w [Word], from: usize, most: usize) -> &'w [Word] {
        let mut end = from;
        for (k, w) in words.iter().enumerate().skip(from).take(most) {
            let glued = words[k - 1].span.end + 1 >= w.span.start;
            let function = self.lang.lexicon.rank(&w.lower).is_some_and(|r| r < FUNCTION_WORD_RANK);
            if w.capital || !glued || function && !self.joiners.contains(&w.lower) {
                break;
            }
            end = k + 1;
        }
        &words[from.min(end)..end]
    }

    fn classify(&self, text: &str, words: &[Word], start: usize, end: usize, opens_sentence: bool, cues: &[Range<usize>]) -> Option<Name> {
        let rank = |w: &Word| self.lang.lexicon.rank(&w.lower);
        let mut first = start;
        // "The", "El", "Selon" open a sentence, a quotation or a title, not a name; inside a clause a
        // frequent word with a capital is a name ("le maire, Jean Dupont", "in New Mexico").
        let head = |w: &Word| self.org_heads.contains(&w.lower) || self.is_title(&w.lower);
        let opens_clause = opens_sentence || start > 0 && text[words[start - 1].span.end..words[start].span.start].contains(CLAUSE_OPENERS);
        while first < end
            && (self.joiners.contains(&words[first].lower)
                || first == start && opens_clause && !head(&words[first]) && rank(&words[first]).is_some_and(|r| r < FUNCTION_WORD_RANK))
        {
            first += 1;
        }
        let mut last = end;
        while last > first && self.joiners.contains(&words[last - 1].lower) {
            last -= 1;
        }
        if first >= last {
            return None;
        }
        let run = &words[first..last];
        let span = |from: &Word, to: &Word| from.span.start..to.span.end;
        // "Hurricane Otis", "huracán Otis" (the noun just before the run, or its first word).
        let event_before = start > 0 && self.events.contains(&words[start - 1].lower);
        // ... but not a title that names a role after it ("Fire Chief NAME").
        let event_first = self.events.contains(&run[0].lower) && !run.get(1).is_some_and(|w| self.is_title(&w.lower));
        if event_before || event_first {
            return None;
        }
        // "la région voisine de Castille-La Manche", "the Bryansk region": a name a place word announces is a place.
        let place_word = |w: &Word| !w.capital && self.lang.figures.place_kinds.contains(&w.lower);
        let announced = first > 0
            && self.joiners.contains(&words[first - 1].lower)
            && (2..=PLACE_WORD_REACH + 1)
                .any(|d| first >= d && place_word(&words[first - d]) && words[first - d + 1..first].iter().all(|w| !w.capital));
        let kind_after = words.get(last).is_some_and(|w| place_word(w) && text[words[last - 1].span.end..w.span.start].trim().is_empty());
        if run.iter().any(|w| self.media_heads.contains(&w.lower)) {
            let span = span(&run[0], &run[run.len() - 1]);
            return Some(Name { label: text[span.clone()].to_string(), span, kind: NameKind::Outlet, weak: false });
        }
        // "the President's Office Kyrylo Tymoshenko": a person named after the body they serve.
        let after_head = run.iter().rposition(|w| self.org_heads.contains(&w.lower)).map_or(0, |h| h + 1);
        // "Columbus Police Chief NAME": the titles after the body are the person's.
        let titles_after_head = run[after_head..].iter().take_while(|w| self.is_title(&w.lower)).count();
        let tail = &run[after_head + titles_after_head..];
        let rare = |w: &Word| rank(w).is_none_or(|r| r >= COMMON_WORD_RANK);
        if after_head > 0 && tail.len() >= 2 && tail.iter().all(|w| rare(w) && !self.is_title(&w.lower) && !self.joiners.contains(&w.lower))
        {
            let span = span(&tail[0], &tail[tail.len() - 1]);
            return Some(Name { label: text[span.clone()].to_string(), span, kind: NameKind::Person, weak: false });
        }
        if run.iter().any(|w| self.org_heads.contains(&w.lower)) {
            let mut span = span(&run[0], &run[run.len() - 1]);
            // "Service national des situations d'urgence": a name capitalised on its first word only.
            // It ends before a reporting verb: "Police confirmed the deaths" names the police.
            if run.len() == 1 {
                // "Institut national de gestion des risques de catastrophes (INGD)": a name its acronym follows runs to it.
                let long = self.lower_case_words_within(words, first + 1, MAX_TAIL_WORDS_TO_ACRONYM);
                let to_acronym = long.last().is_some_and(|w| acronym_after(text, w.span.end).is_some());
                let tail = if to_acronym { long } else { self.lower_case_words(words, first + 1) };
                // The cues are in text order: the first one that ends past a word is the only one it may stand in.
                let in_cue = |w: &Word| cues.get(cues.partition_point(|c| c.end <= w.span.start)).is_some_and(|c| c.start < w.span.end);
                let spoken = tail.iter().position(in_cue);
                let tail = &tail[..spoken.unwrap_or(tail.len())];
                span.end = tail.iter().rfind(|w| !self.joiners.contains(&w.lower)).map_or(span.end, |w| w.span.end);
            }
            return Some(Name { label: text[span.clone()].to_string(), span, kind: NameKind::Organisation, weak: false });
        }
        // Titles before the name, written as part of the run ("Coastal Province Governor", "Dr") or just before it ("la gobernadora").
        // ... or past the place of the role and the apposition's comma: "la gobernadora del estado, NAME".
        let role_of_place = || {
            let place_word = |w: &Word| self.joiners.contains(&w.lower) || self.lang.figures.place_kinds.contains(&w.lower) || w.capital;
            let comma_before = start > 0 && text[words[start - 1].span.end..words[start].span.start].trim() == ",";
            let title_at = (start.saturating_sub(ROLE_PLACE_WORDS + 1)..start).rev().find(|&t| self.is_title(&words[t].lower));
            comma_before && title_at.is_some_and(|t| words[t + 1..start].iter().all(place_word))
        };
        let titled_before = start > 0 && (self.is_title(&words[start - 1].lower) || role_of_place());
        let last_title = run.iter().rposition(|w| self.is_title(&w.lower));
        let titled = titled_before || last_title.is_some();
        let mut person = &run[last_title.map_or(0, |t| t + 1)..];
        // "Jefe de Bomberos NAME": a title's complement ends at its last joined word, then comes the name.
        if let Some(joined) = person.iter().rposition(|w| !w.capital).filter(|&j| last_title.is_some() && person.len() - j > 2) {
            person = &person[joined + 1..];
        }
        // "Youssoufia et Tinghir", "Coyuca de Benítez": joined words name places and works, not people.
        if person.iter().any(|w| !w.capital) {
            return None;
        }
        // "maire de Mamoudzou NAME", "sur Telegram NAME", "AFP NAME": a place, a medium or an acronym before a name is not part of it.
        let before_run = start
            .checked_sub(1)
            .filter(|&b| text[words[b].span.end..words[start].span.start].trim().is_empty())
            .map(|b| words[b].lower.as_str());
        let place_kind = |w: &str| self.lang.figures.place_kinds.iter().any(|k| k == w);
        let after_place_word = before_run.is_some_and(|w| self.joiners.contains(w) || self.not_speaker_after.contains(w) || place_kind(w));
        // ... but a name's particle never opens it ("de Bashar al Asad").
        while person.len() > 2
            && (is_acronym(&text[person[0].span.clone()]) || after_place_word)
            && !self.particles.contains(&person[1].lower)
        {
            person = &person[1..];
        }
        // "sur la messagerie Telegram NAME", "on the messaging app Telegram NAME": the medium's name opens the run.
        let medium_before = (2..=MEDIUM_WORDS).any(|d| {
            start >= d
                && self.not_speaker_after.contains(words[start - d].lower.as_str())
                && words[start - d + 1..start].iter().all(|w| !w.capital)
                && !text[words[start - d].span.end..words[start].span.start].contains(|c: char| c.is_ascii_punctuation() && c != '\'')
        });
        let whole_run = person.len() == run.len();
        if person.len() > 2 && medium_before && whole_run && !titled {
            person = &person[1..];
        }
        // ... unless the place opens a run that goes on with a person ("la province du Nord Lorena Medina").
        if (announced || kind_after) && whole_run {
            return None;
        }
        // "Elm Avenue", "rue Victor-Hugo": a street is where, not who.
        // "Highway Patrol", "Road Safety Authority": a name that ends with a body's head is a body.
        let street = |w: &str| self.lang.figures.streets.iter().any(|s| s == w);
        let body = person.last().is_some_and(|w| self.lang.sources.org_heads.contains(&w.lower));
        if person.last().is_some_and(|w| street(&w.lower))
            || person.first().is_some_and(|w| street(&w.lower)) && !body
            || before_run.is_some_and(street)
        {
            return None;
        }
        // "March" alone is a month; "Mohammad Abdullah Jan" is a name all the same.
        let calendar = person.len() == 1 && self.calendar.contains(&person[0].lower);
        if person.is_empty() || calendar || person.iter().any(|w| w.lower.chars().any(|c| c.is_ascii_digit())) {
            return None;
        }
        let span = span(&person[0], &person[person.len() - 1]);
        let name = &text[span.clone()];
        // Many first names and surnames are also towns somewhere: only the whole name, or a lone word, decides.
        let place = !gazetteer().lookup(name).is_empty() || person.len() == 1 && !gazetteer().lookup(&person[0].lower).is_empty();
        let acronym = person.len() == 1 && is_acronym(name);
        // "Mexique", "sur Telegram": a country or a medium alone is no agency.
        let after_medium_word = before_run.is_some_and(|w| self.not_speaker_after.contains(w));
        if person.len() == 1 && (self.countries.contains(&person[0].lower) || after_medium_word && !titled) {
            return None;
        }
        if acronym {
            return Some(Name { span, kind: NameKind::Organisation, label: name.to_string(), weak: false });
        }
        if place && !titled {
            return None;
        }
        let common = person.iter().all(|w| rank(w).is_some_and(|r| r < COMMON_WORD_RANK));
        let beside = |gap: Option<&str>| gap.is_some_and(|g| g.len() <= 2 && g.chars().all(|c| c == ' ' || c == ','));
        // The cues are in text order: the one right after the name and the one right before it.
        let after = cues.partition_point(|c| c.start < span.end);
        let beside_cue = cues.get(after).is_some_and(|c| beside(text.get(span.end..c.start)))
            || after.checked_sub(1).and_then(|b| cues.get(b)).is_some_and(|c| beside(text.get(c.end..span.start)));
        let kind = match person.len() {
            1 if titled => NameKind::Person,
            1 => NameKind::Single,
            _ if common && !titled && !beside_cue => return None,
            _ => NameKind::Person,
        };
        // A lone common word, or one opening a sentence, is a name only if it repeats a surname ("Bastrykin said").
        let weak = kind == NameKind::Single && (opens_sentence && first == start || common);
        // "Dr Danish", "Governor Okafor": a surname alone keeps the title written with it, or it names no one in particular.
        if let (NameKind::Person, 1, Some(t)) = (kind, person.len(), last_title) {
            let span = run[t].span.start..span.end;
            return Some(Name { label: text[span.clone()].to_string(), span, kind, weak });
        }
        Some(Name { span, kind, label: name.to_string(), weak })
    }
}

/// The acronym in brackets right after `end`, if one stands there: "(INGD)", "(UNGRD)".
pub(crate) fn acronym_after(text: &str, end: usize) -> Option<Range<usize>> {
    let rest = &text[end..];
    let inside = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('('))?;
    let close = inside.find(')')?;
    let word = &inside[..close];
    let start = end + (rest.len() - inside.len());
    (word.len() <= MAX_ACRONYM_LETTERS && word.chars().all(char::is_alphanumeric) && is_acronym(word)).then(|| start..start + close)
}

/// "FSB", "EFE", "OCHA": two capitals or more.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A lone word that is the last word of a person named in the text is that person;
/// "M. Reznichenko" keeps its title only while no full name is known.
fn resolve_surnames(names: &mut [Name], is_title: impl Fn(&str) -> bool) {
    // "Dr Danish": a title and a surname.
    let titled =
        |label: &str| label.split_once(' ').is_some_and(|(title, rest)| is_title(title.trim_end_matches('.')) && !rest.contains(' '));
    let mut people: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for n in names.iter().filter(|n| n.kind == NameKind::Person && n.label.contains(' ') && !titled(&n.label)) {
        if let Some(last) = n.label.rsplit(' ').next() {
            people.entry(last.to_string()).or_insert_with(|| n.label.clone());
        }
    }
    for n in names.iter_mut().filter(|n| !n.label.contains(' ') || titled(&n.label)) {
        let surname = n.label.rsplit(' ').next().unwrap_or_default();
        if let Some(full) = people.get(surname) {
            n.kind = NameKind::Person;
            n.label = full.clone();
            n.weak = false;
        }
    }
}

/// The words of `text[range]`: letters and digits, hyphens inside; an
/// apostrophe splits "l'Observatoire" and "country's".
pub(crate) fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut out = Vec::new();
    let slice = &text[range.clone()];
    let mut start: Option<usize> = None;
    let flush = |s: usize, e: usize, out: &mut Vec<Word>| {
        let w = &slice[s..e];
        let w = w.trim_matches('-');
        if w.is_empty() {
            return;
        }
        let s = s + slice[s..e].find(w).unwrap_or(0);
        // "Kivu-based", "Hamas-run", "US-led": a compound ending in a common word qualifies a name, it is none.
        let modifier = w.rsplit('-').next().is_some_and(|last| last.len() < w.len() && last.starts_with(char::is_lowercase));
        let capital = w.chars().next().is_some_and(char::is_uppercase) && !modifier;
        out.push(Word { span: range.start + s..range.start + s + w.len(), lower: w.to_lowercase(), capital });
    };
    for (i, c) in slice.char_indices() {
        let inside = c.is_alphanumeric() || c == '-';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                flush(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        flush(s, slice.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    fn names(lang: &str, text: &str) -> Vec<(NameKind, String)> {
        let lang = Languages::get().by_code(lang).unwrap();
        let whole: Vec<std::ops::Range<usize>> = std::iter::once(0..text.len()).collect();
        NameReader::new(lang).names(text, &whole, &[]).into_iter().map(|n| (n.kind, n.label)).collect()
    }

    #[test]
    fn people_without_their_roles() {
        use NameKind::*;
        assert_eq!(
            names("en", "The toll rose, Coastal Province Governor Amara Okafor told reporters."),
            [(Person, "Amara Okafor".to_string())]
        );
        assert_eq!(names("fr", "a indiqué le gouverneur, Jean-Marc Delorme."), [(Person, "Jean-Marc Delorme".to_string())]);
        assert_eq!(names("es", "informó la alcaldesa Lucía Ferrán Ortega."), [(Person, "Lucía Ferrán Ortega".to_string())]);
        // A surname alone keeps its title: "Haddad" could be anyone.
        assert_eq!(names("en", "said Dr Haddad."), [(Person, "Dr Haddad".to_string())]);
    }

    #[test]
    fn titles_after_a_body_and_after_an_event_word_are_the_persons() {
        use NameKind::*;
        let person = |name: &str| [(Person, name.to_string())];
        assert_eq!(names("en", "Four died, Lakeview Police Chief Dana Whitfield said."), person("Dana Whitfield"));
        assert_eq!(names("en", "Four died, Fire Chief Oren Maddox told reporters."), person("Oren Maddox"));
        assert_eq!(names("es", "Cuatro murieron, dijo el Jefe de Bomberos Ramiro Ocaña."), person("Ramiro Ocaña"));
        assert_eq!(names("fr", "Quatre morts, a dit le Commissaire de Police Hervé Lagarde."), person("Hervé Lagarde"));
    }

    #[test]
    fn a_street_word_that_opens_a_body_s_name_is_no_street() {
        use NameKind::*;
        assert_eq!(names("en", "Two died, the Highway Patrol said."), [(Organisation, "Highway Patrol".to_string())]);
        assert_eq!(names("en", "Two died, the Avenue Church said."), []);
    }

    #[test]
    fn a_first_name_that_is_also_a_frequent_word_stays_inside_a_clause() {
        use NameKind::*;
        assert_eq!(names("fr", "selon le maire, Jean Lemoine, la digue a cédé."), [(Person, "Jean Lemoine".to_string())]);
        assert_eq!(names("en", "the coach, Will Harper, said so."), [(Person, "Will Harper".to_string())]);
        // At a sentence's or a quotation's start the frequent word opens the clause.
        assert_eq!(names("fr", "Selon Jean Lemoine, la digue a cédé."), [(Person, "Jean Lemoine".to_string())]);
        assert_eq!(names("en", "He said: \"The Harbour Authority knew.\""), [(Organisation, "Harbour Authority".to_string())]);
    }

    #[test]
    fn a_headline_in_capitals_names_no_one() {
        assert!(names("en", "ARMY SAYS IT KILLED 40 REBELS IN RAID").is_empty());
        assert!(names("fr", "L'ARMÉE DIT AVOIR TUÉ 40 REBELLES").is_empty());
        assert!(names("es", "EL EJÉRCITO DICE HABER MATADO A 40 REBELDES").is_empty());
        assert_eq!(names("en", "The UN said so."), [(NameKind::Organisation, "UN".to_string())]);
    }

    #[test]
    fn a_person_and_the_body_they_serve_are_two_names() {
        use NameKind::*;
        let en = names("en", "Six are missing, Amara Okafor of the Coastal Rescue Service said.");
        assert_eq!(en, [(Person, "Amara Okafor".to_string()), (Organisation, "Coastal Rescue Service".to_string())]);
        let en = names("en", "Amani Mbeki of the Lakeside news agency cited data from local hospitals.");
        assert_eq!(en, [(Person, "Amani Mbeki".to_string())]);
        let en = names("en", "Amani Mbeki of the Lakeside Herald said so.");
        assert_eq!(en, [(Person, "Amani Mbeki".to_string()), (Outlet, "Lakeside Herald".to_string())]);
        let es = names("es", "dijo Tomás Prieto Vidal, de la Fiscalía General.");
        assert_eq!(es[0], (Person, "Tomás Prieto Vidal".to_string()));
        let fr = names("fr", "selon Paul Ndiaye du Service national des secours.");
        assert_eq!(fr, [(Person, "Paul Ndiaye".to_string()), (Organisation, "Service national des secours".to_string())]);
    }

    #[test]
    fn an_event_named_after_its_kind_is_no_name() {
        assert!(names("en", "Officials said Hurricane Lidia Moreno left 12 dead.").is_empty());
        assert!(names("fr", "selon le bilan de l'ouragan Bertha Ramos.").is_empty());
        assert!(names("es", "el paso del huracán Norma Ortiz dejó 9 muertos.").is_empty());
    }

    #[test]
    fn a_name_whose_words_are_also_towns_is_still_a_name() {
        // Each word is a town somewhere; together they name a person.
        assert_eq!(
            names("fr", "a précisé la gouverneure de la province du Nord Lorena Medina samedi."),
            [(NameKind::Person, "Lorena Medina".to_string())]
        );
    }

    #[test]
    fn organisations_by_their_head_word() {
        use NameKind::*;
        assert_eq!(
            names("es", "según el Servicio Estatal de Rescate de Borvania."),
            [(Organisation, "Servicio Estatal de Rescate de Borvania".to_string())]
        );
        assert_eq!(names("en", "the Northern Rail Company said"), [(Organisation, "Northern Rail Company".to_string())]);
        assert_eq!(names("fr", "selon le CNRU, 12 morts."), [(Organisation, "CNRU".to_string())]);
    }

    #[test]
    fn a_surname_stands_for_the_person_named_before() {
        let text = "Mayor Ilse Varga spoke at noon. Later on, Varga said the count would rise.";
        let found = names("en", text);
        assert_eq!(found, [(NameKind::Person, "Ilse Varga".to_string()), (NameKind::Person, "Ilse Varga".to_string())]);
    }

    #[test]
    fn a_name_made_an_adjective_is_no_name() {
        assert!(names("en", "a Lagos-based rights group said").is_empty());
        assert_eq!(names("fr", "selon Jean-Marc Delorme").len(), 1, "a hyphenated name stays");
    }

    #[test]
    fn places_months_and_common_phrases_are_no_names() {
        assert!(names("en", "Rain fell on Valencia in March.").is_empty());
        assert!(names("fr", "Selon les secours, la situation reste grave.").is_empty());
    }

    #[test]
    fn a_name_a_place_word_announces_is_a_place() {
        assert!(names("fr", "Trois morts ont été signalés dans la région voisine de Haute-Vallée Grise.").is_empty());
        assert!(names("en", "Two people died in the Lower Marrow region on Sunday.").is_empty());
        assert!(names("es", "Hubo cuatro heridos en el estado de Nueva Castilla Alta.").is_empty());
        // A person named after a role of a place still is one.
        assert!(!names("es", "Lo dijo el gobernador del estado, Julián Ortega Ríos.").is_empty());
    }
}
