//! The metric phrase around one number: what follows it ("62 morts", "24
//! civils tués"), what precedes it ("a tué au moins 31", "death toll rose to
//! 632"), its qualifier, the end of a range and the cause after it.

use super::{is_comma, is_one_of, FigureFinder, Item, Token};
use crate::cues::Cue;
use crate::numbers::NumberKind;
use std::ops::Range;
use vigie_model::{Group, Metric, Qualifier};

/// Words that may stand between a number and its metric phrase ("62 morts").
const MAX_WORDS_AFTER: usize = 5;
/// The most words between an article and the noun it counts ("un autre jeune homme").
const MAX_WORDS_BEFORE_NOUN: usize = 2;
/// Tokens between a toll and the one it moved to: its noun and its day ("de 900 morts mercredi à").
const MOVE_GAP_TOKENS: usize = 5;

/// The most tokens of the people victims are, between commas after them: ", a 31-year-old woman and a 22-year-old man,".
const VICTIMS_APPOSITION_TOKENS: usize = 16;
/// The most tokens of an age between commas after a person: ", de 52 años,".
const AGE_ASIDE_TOKENS: usize = 4;

/// The same once a counted noun was seen: "300,000 people in Marrakech and the Atlas have been affected".
const MAX_WORDS_AFTER_NOUN: usize = 10;

/// Words that may stand between a metric verb or toll and its number ("death toll has risen to 632").
const MAX_WORDS_BEFORE: usize = 8;

/// The most tokens of an aside between dashes after a counted noun.
const MAX_WORDS_IN_ASIDE: usize = 16;

/// Words between a figure and the noun of its cause ("tués dans des frappes").
const MAX_WORDS_TO_CAUSE: usize = 6;

/// A cause is at most this long: the noun phrase, not the rest of the sentence.
const MAX_CAUSE_BYTES: usize = 80;

/// Whether the clause that opens `rest` (up to its comma) is a reporting aside: a reporting
/// cue, no number and no metric verb. Gives the position of its closing comma, `None` when it runs to the end.
fn reporting_aside(text: &str, rest: &[Token]) -> Option<Option<usize>> {
    let closing = rest.iter().take(MAX_WORDS_IN_ASIDE).position(|t| is_comma(text, t));
    let clause = match closing {
        Some(comma) => &rest[..comma],
        None if rest.len() <= MAX_WORDS_IN_ASIDE => rest,
        None => return None,
    };
    let reports = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::AttributionBefore | Cue::AttributionAfter)));
    // A count or a metric verb makes it a clause of its own ("- según la radio local - murieron").
    let counts =
        |t: &Token| matches!(t.item, Item::Number(_)) || matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricVerb(_))));
    (clause.iter().any(reports) && !clause.iter().any(counts)).then_some(closing)
}

/// "19 dans des frappes de l'aviation russe": the cause phrase after the
/// figure at token `k`, up to the next punctuation.
pub(super) fn cause_after(text: &str, tokens: &[Token], k: usize) -> Option<Range<usize>> {
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

#[derive(Clone, Copy)]
pub(super) struct Right {
    pub(super) metric: Option<Metric>,
    pub(super) group: Option<Group>,
    /// A counted noun saying nothing of the group ("personnes") was seen.
    pub(super) people: bool,
    /// The search went past "et", "and", a comma.
    pub(super) crossed_joiner: bool,
    /// A copula stood between the number and its group: "104 eran mayores".
    pub(super) copula: bool,
    pub(super) end: usize,
    pub(super) words: usize,
    /// Said to be buried, or the like: no figure at all.
    pub(super) not_impact: bool,
    /// "victims", "patients": people something happened to, which a later verb may say; the metric they count otherwise.
    pub(super) victims: Option<Metric>,
    /// Where the metric word or verb stands, once found.
    pub(super) metric_at: Option<(usize, usize)>,
}

impl FigureFinder {
    /// The metric phrase after a number, and the group named on the way.
    /// An apposition or a sub-count between commas does not stop the search:
    /// "Au moins 11 civils, dont cinq enfants, ont été tués".
    pub(super) fn right(&self, text: &str, tokens: &[Token], k: usize) -> Right {
        let mut out = self.right_scan(text, tokens, k);
        // "his wife lives in New York": after a person's noun, a metric noun that is also a verb is the verb.
        let verb_form =
            out.metric_at.is_some_and(|(from, to)| self.figures.verb_homographs.iter().any(|w| text[from..to].eq_ignore_ascii_case(w)));
        if verb_form && (out.people || out.group.is_some()) {
            out.metric = None;
            out.metric_at = None;
        }
        // "80 victims": killed, unless their clause says what happened to them ("remain in hospital").
        // Victims are affected by definition: "affected" there describes something else ("la région la plus affectée").
        if let Some(default) = out.victims.filter(|_| out.metric.is_none_or(|m| m == Metric::Affected)) {
            out.metric = Some(default);
        }
        out
    }

    /// How many tokens glued after the number at `at` end an age that names a person
    /// ("19-year-old"), if they do.
    fn aged_person(&self, text: &str, tokens: &[Token], at: usize) -> Option<usize> {
        let hyphenated = |t: &Token, before: &Token| matches!(&text[before.end..t.start], "" | "-" | " - ");
        let glued = tokens[at + 1..].iter().zip(&tokens[at..]).take_while(|(t, before)| hyphenated(t, before)).count();
        if glued == 0 {
            return None;
        }
        let measure = text[tokens[at].start..tokens[at + glued].end].to_lowercase();
        self.figures.aged_people.iter().any(|a| measure.ends_with(a.as_str())).then_some(glued)
    }

    /// How many tokens after the number at `at` make it a measure of a person, not a
    /// count: an age glued to it ("19-year-old") or a unit after it ("31 ans", "24 años").
    pub(super) fn measure_after(&self, text: &str, tokens: &[Token], at: usize) -> Option<usize> {
        let unit = || matches!(tokens.get(at + 1).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::NotCount)).then_some(1);
        self.aged_person(text, tokens, at).or_else(unit)
    }

    /// The group after the comma that stands for a verb left out ("y tres, mujeres", "et trois,
    /// des femmes"): the count at `k` joins a list, and the group, past one article at most,
    /// ends its clause. `i` is the token after the comma.
    fn gapped_group(&self, text: &str, tokens: &[Token], k: usize, i: usize) -> Option<(Group, usize)> {
        let joined = k > 0 && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::ListJoiner));
        let group = |t: &Token| match t.item {
            Item::Cue(c) => c.find(|r| if let Cue::Group(g) = r { Some(g) } else { None }),
            _ => None,
        };
        let at = if tokens.get(i).is_some_and(|t| matches!(t.item, Item::Word)) { i + 1 } else { i };
        let g = tokens.get(at).and_then(group).filter(|_| joined && at - i <= 1)?;
        let closes = tokens.get(at + 1).is_none_or(|t| matches!(t.item, Item::Punct(_)) || is_comma(text, t));
        closes.then_some((g, tokens[at].end))
    }

    pub(super) fn right_scan(&self, text: &str, tokens: &[Token], k: usize) -> Right {
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
            metric_at: None,
        };
        let mut mixed = false;
        let article = matches!(tokens[k].item, Item::Number(n) if n.kind == NumberKind::Article);
        // "un autre homme", "a third man": the words between an article and its noun are the noun's.
        let noun_after_article = |out: &Right| article && out.group.is_none() && !out.people && out.words <= MAX_WORDS_BEFORE_NOUN;
        let mut i = k + 1;
        // "una más permanece desaparecida": "más" adds the count to those before, it joins no list.
        if tokens.get(i).is_some_and(|t| self.figures.one_more.iter().any(|w| text[t.start..t.end].eq_ignore_ascii_case(w))) {
            i += 1;
        }
        while i < tokens.len() {
            let t = &tokens[i];
            i += 1;
            let aged = matches!(t.item, Item::Number(_)).then(|| self.aged_person(text, tokens, i - 1)).flatten();
            match t.item {
                Item::Cue(c) if c.has(|r| r == Cue::NotImpact) => {
                    out.not_impact = true;
                    return out;
                }
                // "two men accused of killing a guard": the counted did what the metric says.
                Item::Cue(c) if c.has(|r| r == Cue::Accusation) => return out,
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
                        out.metric_at = Some((t.start, t.end));
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
                        if noun_after_article(&out) {
                            out.words = 0;
                        }
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
                        if noun_after_article(&out) {
                            out.words = 0;
                        }
                        out.people = true;
                        if out.words <= MAX_WORDS_AFTER {
                            out.end = t.end;
                        }
                        continue;
                    }
                    // "23 fueron identificadas entre las víctimas mortales": counted among the whole a subset names.
                    if let Some(m) = c.find(|r| if let Cue::SubsetOf(m) = r { Some(m) } else { None }).filter(|_| out.words > 0) {
                        out.metric = Some(m);
                        out.metric_at = Some((t.start, t.end));
                        return out;
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
                        // "nueve eran hombres y tres, mujeres": in a list, a comma right after the count
                        // stands for the verb left out, and the group follows it.
                        if out.words == 0 && out.group.is_none() && !out.people {
                            if let Some((g, end)) = self.gapped_group(text, tokens, k, i) {
                                out.group = Some(g);
                                out.end = end;
                            }
                            return out;
                        }
                        // Past a comma only a noun phrase (an apposition) may come before the verb.
                        if out.group.is_none() && !out.people {
                            return out;
                        }
                        // "8 muertos, entre ellos un niño, en el ataque": one of a subset ends at its comma
                        // (not in "one of them a pregnant woman, were killed", where "one" counts).
                        let subset_before = k > 1
                            && matches!(tokens[k - 1].item, Item::Cue(c) if c.has(|r| r == Cue::Subset))
                            && !matches!(tokens[k - 2].item, Item::Number(_));
                        if subset_before && matches!(tokens[k].item, Item::Number(n) if n.kind == NumberKind::Article) {
                            return out;
                        }
                        // "At least 12 people, police said, were killed": a reporting aside is skipped whole.
                        // One that ends the sentence ends the phrase ("it carried 45 people, the survivors said").
                        // A quotation closed at the comma ends the phrase: "a kind man,'' said NAME, who was detained".
                        let quote_marks = ['"', '”', '\'', '»', '’'];
                        let closes_quote = text[t.end..].starts_with(quote_marks) || text[..t.start].ends_with(quote_marks);
                        if let Some(closed) = reporting_aside(text, &tokens[i..]).filter(|_| !closes_quote) {
                            match closed {
                                Some(comma) => i += comma + 1,
                                None => return out,
                            }
                            continue;
                        }
                        // "a man, 45, was killed", "una mujer, de 52 años, resultó herida": an age aside, skipped whole.
                        let aside = tokens[i..].iter().take(AGE_ASIDE_TOKENS).position(|t| is_comma(text, t));
                        let aged = aside.is_some_and(|a| tokens[i..i + a].iter().any(|t| matches!(t.item, Item::Number(_))));
                        // "12.110 personas, o 1.730 familias, se han visto afectadas": the same people counted otherwise.
                        let counted = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::MetricNoun(_) | Cue::MetricVerb(_) | Cue::Group(_) | Cue::People | Cue::Victims(_) | Cue::Subset)));
                        let recounted = out.people && aside.is_some_and(|a| !tokens[i..i + a].iter().any(counted));
                        if let Some(a) = aside.filter(|_| aged && (out.group.is_some() || recounted)) {
                            i += a + 1;
                            continue;
                        }
                        // "the two victims, a 31-year-old woman and her son, were taken to hospital": who the
                        // victims are, between commas; their verb comes after.
                        let closing = tokens[i..].iter().take(VICTIMS_APPOSITION_TOKENS).position(|t| is_comma(text, t));
                        let who = |t: &Token| matches!(t.item, Item::Cue(c) if c.has(|r| matches!(r, Cue::Group(_) | Cue::People)));
                        let named = |a: usize| matches!(tokens[i].item, Item::Number(_)) && tokens[i..i + a].iter().any(who);
                        if let Some(a) = closing.filter(|&a| out.victims.is_some() && named(a)) {
                            i += a + 1;
                            continue;
                        }
                        // The victims' own verb stands in their clause: "207 victimes, dont 204 ..., la plus affectée" is the region.
                        let subset_next = matches!(tokens.get(i).map(|t| t.item), Some(Item::Cue(c)) if c.has(|r| r == Cue::Subset));
                        if out.victims.is_some() && !subset_next {
                            return out;
                        }
                        out.words += 1;
                        continue;
                    }
                    // "two reported fatalities", "12 confirmed deaths": a participle before the noun qualifies it.
                    let before_noun =
                        matches!(tokens.get(i).map(|t| t.item), Some(Item::Cue(n)) if n.has(|r| matches!(r, Cue::MetricNoun(_))));
                    if c.has(|r| matches!(r, Cue::AttributionBefore | Cue::AttributionAfter)) && before_noun && out.words == 0 {
                        out.words += 1;
                        continue;
                    }
                    if c.has(|r| matches!(r, Cue::Qualifier(_) | Cue::AttributionBefore | Cue::AttributionAfter | Cue::Toll(_))) {
                        return out;
                    }
                    out.words += 1;
                }
                // "one person and that he will reveal ... after his death": past "and that", another clause.
                Item::Word if out.crossed_joiner && is_one_of(text, tokens, i - 1, self.clause_openers) => return out,
                Item::Word => out.words += 1,
                Item::Punct('"') => {}
                // "420 personnes – 230 femmes et 190 hommes – ont été tuées": an aside between
                // dashes after the noun is skipped; past a closing dash the verb may follow.
                // A spaced hyphen stands for a dash: "members of the Front - its local affiliate - had died".
                Item::Punct('–' | '—' | '-') if out.group.is_some() || out.people => {
                    let dash = |t: &Token| matches!(t.item, Item::Punct('–' | '—' | '-'));
                    let closing = tokens[i..].iter().take(MAX_WORDS_IN_ASIDE).position(dash);
                    if let Some(p) = closing {
                        i += p + 1;
                    }
                }
                // "a 19-year-old was wounded", "two 17-year-olds died": an age that names a person.
                Item::Number(_) if aged.is_some() => {
                    // Each word of the age is a word of the phrase.
                    let glued = aged.unwrap_or(0);
                    i += glued;
                    out.people = true;
                    out.words += glued;
                    if out.words <= MAX_WORDS_AFTER {
                        out.end = tokens[i - 1].end;
                    }
                }
                // "A 26-year-old woman was killed", "un enfant de 8 ans a péri": an age or another measure is a word of the phrase.
                Item::Number(_) if matches!(tokens[k].item, Item::Number(n) if n.kind == NumberKind::Article) => {
                    let glued = tokens[i..].iter().zip(&tokens[i - 1..]).take_while(|(t, before)| t.start == before.end).count();
                    let unit = tokens.get(i + glued).filter(|u| matches!(u.item, Item::Cue(c) if c.has(|r| r == Cue::NotCount)));
                    if glued == 0 && unit.is_none() {
                        return out;
                    }
                    i += glued + usize::from(unit.is_some() && glued == 0);
                    out.words += 1;
                }
                // "dos niños de 5 y 7 años murieron": ages or other measures, maybe two joined, are words of the phrase.
                Item::Number(_) if out.group.is_some() || out.people => {
                    let is = |j: usize, f: &dyn Fn(Cue) -> bool| matches!(tokens.get(j).map(|t| t.item), Some(Item::Cue(c)) if c.has(f));
                    let mut j = i;
                    if is(j, &|r| matches!(r, Cue::ListJoiner | Cue::RangeEnd))
                        && matches!(tokens.get(j + 1).map(|t| t.item), Some(Item::Number(_)))
                    {
                        j += 2;
                    }
                    if !is(j, &|r| r == Cue::NotCount) {
                        return out;
                    }
                    i = j + 1;
                    out.words += 1;
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
    pub(super) fn left(&self, tokens: &[Token], k: usize, collective: bool) -> Option<(Metric, usize)> {
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

    /// A qualifier phrase right before the number, and where it starts.
    pub(super) fn qualifier_before(&self, text: &str, tokens: &[Token], k: usize) -> Option<(Qualifier, usize)> {
        let num_start = tokens[k].start;
        for t in tokens[..k].iter().rev().take(3) {
            match t.item {
                Item::Cue(c) => {
                    if let Some(q) = c.find(|r| if let Cue::Qualifier(q) = r { Some(q) } else { None }) {
                        let gap = &text[t.end..num_start];
                        return (gap.split_whitespace().count() <= 2).then_some((q, t.start));
                    }
                    if c.has(|r| r == Cue::RangeStart) && self.range_end(text, tokens, k, true).is_some() {
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
    /// The toll a count moved to ("de 900 à 1 200"), past the count's own noun and day
    /// ("de 900 morts mercredi à 1 200 jeudi", "de 900 el miércoles a 1.200").
    pub(super) fn move_end(&self, text: &str, tokens: &[Token], k: usize) -> Option<(u64, usize)> {
        for j in k + 1..(k + 1 + MOVE_GAP_TOKENS).min(tokens.len()) {
            match tokens[j].item {
                Item::Cue(c) if c.has(|r| r == Cue::RangeEnd) => return self.range_end(text, tokens, j - 1, true),
                Item::Number(_) | Item::Punct(_) => return None,
                _ => {}
            }
        }
        None
    }

    pub(super) fn range_end(&self, text: &str, tokens: &[Token], k: usize, announced: bool) -> Option<(u64, usize)> {
        // "10-15 people": a hyphen between two numbers written close is a range of its own (the tokens skip it).
        let next = tokens.get(k + 1)?;
        if let Item::Number(hi) = next.item {
            return (next.start == tokens[k].end + 1 && text[tokens[k].end..next.start] == *"-").then_some((hi.integer()?, k + 1));
        }
        let Item::Cue(c) = next.item else { return None };
        if !c.has(|r| r == Cue::RangeEnd) || !announced {
            return None;
        }
        let Item::Number(hi) = tokens.get(k + 2)?.item else { return None };
        Some((hi.integer()?, k + 2))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::find;
    use super::super::FigureFinder;
    use super::*;
    use vigie_lang::Languages;
    use vigie_model::Group::*;
    use vigie_model::Metric::*;

    #[test]
    fn victims_named_between_commas_take_the_verb_after_them() {
        let metrics = |lang: &str, text: &str| find(lang, text).iter().map(|f| f.0).collect::<Vec<_>>();
        let en = "The two victims, a 60-year-old man and his wife, were taken to a hospital in stable condition.";
        assert!(metrics("en", en).iter().all(|m| *m == Injured) && !metrics("en", en).is_empty());
        let fr = "Les trois victimes, deux hommes et une femme, ont été transportées à l'hôpital.";
        assert!(metrics("fr", fr).iter().all(|m| *m == Injured) && !metrics("fr", fr).is_empty());
        let es = "Las dos víctimas, un anciano y su nieta, fueron trasladadas al hospital.";
        assert!(metrics("es", es).iter().all(|m| *m == Injured) && !metrics("es", es).is_empty());
    }

    #[test]
    fn a_metric_noun_that_is_also_a_verb_counts_only_right_after_its_number() {
        assert_eq!(find("en", "The landslide cost 14 lives.").iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Killed, 14)]);
        assert!(find("en", "The mayor said a woman lives alone in the house.").is_empty());
        assert!(find("en", "He stayed because his daughter lives nearby.").is_empty());
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
    fn a_comma_that_stands_for_a_verb_left_out_leads_to_the_group() {
        for (lang, text) in [
            ("es", "Murieron 15 personas: diez eran hombres y cinco, mujeres."),
            ("fr", "Quinze personnes sont mortes : dix étaient des hommes et cinq, des femmes."),
        ] {
            let got = find(lang, text);
            assert!(got.iter().any(|f| f.1 == 5 && f.3 == Women), "{got:?}");
        }
        // A comma that ends the list's clause names no group.
        let got = find("es", "Murieron diez hombres y cinco, informó la policía.");
        assert!(got.iter().any(|f| f.1 == 5 && f.3 == Men), "{got:?}");
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
    fn an_aside_after_a_sub_count_word_leads_to_the_verb() {
        let got = find("en", "More than 60 fighters, including members of the Delta Brigade - a local militia - have died in the clashes.");
        assert_eq!(got.iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>(), [(Killed, 60, Fighters)], "{got:?}");
        let got = find("es", "Unos 40 rebeldes, entre ellos varios jefes - según la radio local - murieron en los combates.");
        assert!(got.iter().any(|f| f.0 == Killed && f.1 == 40), "{got:?}");
        let got = find("fr", "Plus de 30 soldats, dont des officiers - selon l'armée - ont été tués.");
        assert!(got.iter().any(|f| f.0 == Killed && f.1 == 30), "{got:?}");
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
        // A group phrase that holds a metric word says that metric: "critically injured" after a death.
        assert!(critical("en", "One worker died and another was critically injured.", 1));
    }

    #[test]
    fn one_more_victim_after_a_compound_verb_is_counted() {
        for (lang, text) in [
            ("fr", "Un ouvrier est mort et un autre a été grièvement blessé."),
            ("en", "One worker died and another has been badly hurt."),
            ("es", "Un obrero murió y otro fue gravemente herido."),
        ] {
            assert!(find(lang, text).iter().any(|f| f.1 == 1 && f.0 == Injured), "{text}: {:?}", find(lang, text));
        }
    }

    #[test]
    fn causes_follow_the_figure() {
        let finder = FigureFinder::new(Languages::get().by_code("fr").unwrap());
        let text = "24 civils ont été tués, dont 19 dans des frappes de l'aviation russe.";
        let causes: Vec<Option<&str>> = finder.find(text).figures.iter().map(|f| f.cause.clone().map(|c| &text[c])).collect();
        assert_eq!(causes, [None, Some("frappes de l'aviation russe")]);
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
    fn victims_are_what_their_clause_says() {
        assert_eq!(find("en", "Some 60 victims remain in hospital.")[0].0, Injured);
        assert_eq!(find("en", "The 12 victims were buried on Friday.").len(), 0, "buried: no figure");
        assert_eq!(find("es", "Unas 30 víctimas siguen ingresadas en Lorca.")[0].0, Injured);
        assert_eq!(find("fr", "Le séisme a fait 45 victimes.")[0].0, Killed);
        // "affected" there is the region's.
        assert_eq!(find("fr", "On compte 80 victimes, dont 70 dans la province, la plus affectée.")[0].0, Killed);
    }

    #[test]
    fn a_participle_before_the_noun_qualifies_it() {
        let got = find("en", "Over 100 people were injured in the blast, with two reported fatalities.");
        assert!(got.iter().any(|f| f.0 == Killed && f.1 == 2), "{got:?}");
        let got = find("en", "The outbreak has caused 12 confirmed deaths.");
        assert!(got.iter().any(|f| f.0 == Killed && f.1 == 12), "{got:?}");
    }

    #[test]
    fn a_reporting_aside_is_skipped_and_a_closing_one_ends_the_phrase() {
        let values = |lang, text| find(lang, text).into_iter().map(|f| (f.0, f.1)).collect::<Vec<_>>();
        assert_eq!(values("en", "At least 14 hikers, rangers said, were killed by the rockfall."), [(Killed, 14)]);
        assert_eq!(values("fr", "Au moins 9 ouvriers, a précisé la préfecture, ont été blessés."), [(Injured, 9)]);
        assert_eq!(values("es", "Unas 20 personas, según los bomberos, murieron en el incendio."), [(Killed, 20)]);
        // The reporter's noun after the comma is not the metric of the count before it.
        assert_eq!(values("en", "The ferry carried 61 people, the survivors said."), []);
        assert_eq!(values("es", "El autobús llevaba 33 personas, contaron los heridos."), []);
    }

    #[test]
    fn words_between_an_article_and_its_noun_are_the_noun_s() {
        let one = |lang: &str, text: &str| find(lang, text).iter().map(|f| (f.0, f.1, f.3)).collect::<Vec<_>>();
        assert_eq!(one("fr", "Un autre homme a été grièvement blessé."), [(Injured, 1, Men)]);
        assert_eq!(one("en", "Another young woman was seriously injured."), [(Injured, 1, Women)]);
        assert_eq!(one("es", "Otra joven mujer resultó herida de gravedad."), [(Injured, 1, Women)]);
        // Without a noun for people the words stay words: a thing did it.
        assert_eq!(one("en", "A stray car killed nobody."), []);
    }

    #[test]
    fn a_quotation_closed_before_a_reporting_aside_ends_the_phrase() {
        let en = "\"He was a kind man,\" said Oren Valdes, who was briefly detained on Friday.";
        assert!(find("en", en).is_empty());
    }
}
