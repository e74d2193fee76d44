//! Numbers as news writes them: digits with any grouping ("14 000",
//! "14.000", "14,000"), decimals with scale words ("1,5 million"), number
//! words ("trois cent onze", "quatre-vingt-dix", "doscientos",
//! "twenty-one"), collectives ("une cinquantaine", "dos centenares") and
//! fractions of a scale ("un demi-million"). One mechanism; the words come
//! from each language's `numbers.toml`.

use std::collections::HashMap;
use vigie_lang::Numbers;

/// How a number was written; it tells how exact it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    Digits,
    Words,
    /// A collective noun: "une cinquantaine" means about fifty.
    Collective,
    /// A word that is also an indefinite article ("un", "a"): one, or nothing.
    Article,
    /// Digits with an ordinal ending ("1er", "21st"): a rank or a day of the month.
    Ordinal,
}

/// A number found in text; `start..end` are byte offsets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberMatch {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: NumberKind,
}

impl NumberMatch {
    /// The value when it is a whole, non-negative number.
    pub fn integer(&self) -> Option<u64> {
        (self.value.fract() == 0.0 && self.value >= 0.0 && self.value < 1e15).then_some(self.value as u64)
    }
}

/// A word token: its span and lower-case form (borrowed when the text is already lower case).
struct Word<'a> {
    start: usize,
    end: usize,
    lower: std::borrow::Cow<'a, str>,
}

/// Reads the numbers of one language.
pub struct NumberReader {
    words: HashMap<String, u64>,
    /// Longest multi-word key, in words.
    longest_key: usize,
    connectors: Vec<String>,
    articles: Vec<String>,
    collective_determiners: Vec<String>,
    not_alone: Vec<String>,
    scales: HashMap<String, u64>,
    glued_scales: HashMap<String, u64>,
    collectives: HashMap<String, u64>,
    fractions: HashMap<String, f64>,
    decimal: char,
    ordinal_suffixes: Vec<String>,
}

impl NumberReader {
    pub fn new(numbers: &Numbers) -> Self {
        let lower = |m: &HashMap<String, u64>| m.iter().map(|(k, v)| (k.to_lowercase(), *v)).collect::<HashMap<_, _>>();
        NumberReader {
            longest_key: numbers.words.keys().map(|k| k.split(' ').count()).max().unwrap_or(1),
            words: lower(&numbers.words),
            connectors: numbers.connectors.clone(),
            articles: numbers.articles.clone(),
            collective_determiners: numbers.collective_determiners.clone(),
            not_alone: numbers.not_alone.clone(),
            scales: lower(&numbers.scales),
            glued_scales: numbers.glued_scales.clone(),
            collectives: lower(&numbers.collectives),
            fractions: numbers.fractions.clone(),
            decimal: numbers.decimal_separator,
            ordinal_suffixes: numbers.ordinal_suffixes.clone(),
        }
    }

    /// Every number in `text`, in order, none overlapping.
    pub fn find_all(&self, text: &str) -> Vec<NumberMatch> {
        let words = tokenize(text);
        let mut found = Vec::new();
        let mut w = 0;
        let mut pos = 0;
        let bytes = text.as_bytes();
        while pos < text.len() {
            // Skip to the next digit or word start, in text order.
            let next_word = words.get(w).map_or(text.len(), |t| t.start);
            let next_digit = bytes[pos..next_word].iter().position(u8::is_ascii_digit).map(|i| pos + i);
            if let Some(d) = next_digit {
                let (m, end) = self.digits(text, d, &words, &mut w);
                found.extend(m);
                pos = end;
                continue;
            }
            let Some(word) = words.get(w) else { break };
            match self.words_at(text, &words, w) {
                Some((m, consumed)) => {
                    found.push(m);
                    w += consumed;
                    pos = m.end;
                }
                None => {
                    w += 1;
                    pos = word.end;
                }
            }
        }
        found
    }

    /// A number written in digits at `start`, with an optional scale word after.
    fn digits(&self, text: &str, start: usize, words: &[Word], w: &mut usize) -> (Option<NumberMatch>, usize) {
        let bytes = text.as_bytes();
        let run = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
        let first = run(start);
        let mut end = start + first;
        let mut integer: String = text[start..end].to_string();
        let mut decimals = String::new();
        let thousands = if self.decimal == ',' { '.' } else { ',' };
        let mut grouped_by = None;
        while let Some(sep) = text[end..].chars().next() {
            if !matches!(sep, ' ' | '.' | ',') || !bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
                break;
            }
            let n = run(end + 1);
            let group_ok = n == 3 && grouped_by.is_none_or(|g| g == sep) && (sep != ' ' || first <= 3);
            if group_ok && (sep == thousands || sep == ' ' || (decimals.is_empty() && !self.decimal_here(text, end + 1 + n))) {
                integer.push_str(&text[end + 1..end + 4]);
                grouped_by = Some(sep);
                end += 4;
            } else if sep == self.decimal || (sep != ' ' && grouped_by.is_none()) {
                decimals.push_str(&text[end + 1..end + 1 + n]);
                end += 1 + n;
                break;
            } else {
                break;
            }
        }
        // Skip the word tokens the number spans.
        while words.get(*w).is_some_and(|t| t.start < end) {
            *w += 1;
        }
        // "22h00", "11e", "3km": digits glued to letters are not counts.
        if text[end..].chars().next().is_some_and(|c| c.is_alphabetic()) {
            let glued = text[end..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |n| end + n);
            while words.get(*w).is_some_and(|t| t.start < glued) {
                *w += 1;
            }
            // "1.2M", "1,2M", "100K": a scale letter glued to the digits.
            if let Some(scale) = self.glued_scales.get(&text[end..glued]) {
                let value: f64 = format!("{integer}.{}", if decimals.is_empty() { "0" } else { &decimals }).parse().unwrap_or(0.0);
                return (Some(NumberMatch { start, end: glued, value: (value * *scale as f64).round(), kind: NumberKind::Digits }), glued);
            }
            let ordinal = self.ordinal_suffixes.iter().any(|s| text[end..glued].eq_ignore_ascii_case(s)) && decimals.is_empty();
            let value = integer.parse::<f64>().ok().filter(|_| ordinal);
            return (value.map(|value| NumberMatch { start, end: glued, value, kind: NumberKind::Ordinal }), glued);
        }
        let mut value: f64 = format!("{integer}.{}", if decimals.is_empty() { "0" } else { &decimals }).parse().unwrap_or(0.0);
        let mut match_end = end;
        let mut kind = NumberKind::Digits;
        if let Some(unit) = words.get(*w).filter(|t| is_gap(&text[end..t.start])) {
            // "1,5 million", "5 thousand", "2 dozens".
            let factor = self
                .scales
                .get(&*unit.lower)
                .or_else(|| self.words.get(&*unit.lower).filter(|v| matches!(v, 100 | 1000)))
                .map(|f| (*f, NumberKind::Digits))
                .or_else(|| self.collectives.get(&*unit.lower).map(|f| (*f, NumberKind::Collective)));
            if let Some((factor, k)) = factor {
                value *= factor as f64;
                kind = k;
                match_end = unit.end;
                *w += 1;
                if factor == 1000 && k == NumberKind::Digits {
                    if let Some((hundreds, end)) = hundreds_after(text, match_end) {
                        value += hundreds;
                        match_end = end;
                    }
                }
            }
        }
        (Some(NumberMatch { start, end: match_end, value, kind }), match_end)
    }

    /// Whether a scale word follows `at` (then "1,500 million" reads the separator as decimal).
    fn decimal_here(&self, text: &str, at: usize) -> bool {
        let rest = text[at..].trim_start();
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        self.scales.contains_key(&word)
    }

    /// The number word key of `n` words starting at token `i`, if any.
    fn key(&self, words: &[Word], i: usize, n: usize) -> Option<u64> {
        if i + n > words.len() {
            return None;
        }
        if n == 1 {
            return self.words.get(&*words[i].lower).copied();
        }
        let key: Vec<&str> = words[i..i + n].iter().map(|t| &*t.lower).collect();
        self.words.get(&key.join(" ")).copied()
    }

    /// A number written in words starting at token `i`: the match and how many tokens it used.
    fn words_at(&self, text: &str, words: &[Word], i: usize) -> Option<(NumberMatch, usize)> {
        let first = &words[i];
        // "le millier", "une centaine": a determiner and a collective.
        if let Some(next) = words.get(i + 1).filter(|n| is_gap(&text[first.end..n.start])) {
            if let Some(unit) =
                self.collectives.get(&*next.lower).filter(|_| self.collective_determiners.iter().any(|w| *w == *first.lower))
            {
                return Some((NumberMatch { start: first.start, end: next.end, value: *unit as f64, kind: NumberKind::Collective }, 2));
            }
        }
        // "half a million", "medio millón": a fraction of a scale, an article between them or not.
        if let Some(&fraction) = self.fractions.get(&*first.lower) {
            let mut j = i + 1;
            if words.get(j).is_some_and(|w| self.articles.iter().any(|a| *a == *w.lower) && is_gap(&text[words[j - 1].end..w.start])) {
                j += 1;
            }
            if let Some(scale) = words.get(j).filter(|w| is_gap(&text[words[j - 1].end..w.start])).and_then(|w| self.scales.get(&*w.lower))
            {
                let value = fraction * *scale as f64;
                return Some((NumberMatch { start: first.start, end: words[j].end, value, kind: NumberKind::Words }, j + 1 - i));
            }
        }
        if self.not_alone.iter().any(|w| *w == *first.lower) {
            return None;
        }
        let (mut total, mut group, mut last_add) = (0u64, 0u64, u64::MAX);
        let mut j = i;
        let mut end = first.start;
        let mut count_words = 0;
        while j < words.len() {
            if j > i && !is_gap(&text[words[j - 1].end..words[j].start]) {
                break;
            }
            // "un million deux cent mille": a scale inside a number multiplies what came before it.
            if count_words > 0 {
                if let Some(&scale) = self.scales.get(&*words[j].lower) {
                    if scale > total + group {
                        total = (total + group).max(1) * scale;
                        group = 0;
                        last_add = scale;
                        count_words += 1;
                        end = words[j].end;
                        j += 1;
                        continue;
                    }
                }
            }
            let Some((value, n)) = (1..=self.longest_key).rev().find_map(|n| self.key(words, j, n).map(|v| (v, n))) else {
                // A connector between two number words ("vingt et un").
                if count_words > 0 && self.connectors.iter().any(|w| *w == *words[j].lower) && j + 1 < words.len() {
                    if let Some(v) = self.key(words, j + 1, 1) {
                        if v < last_add && v < 10 || (v < 100 && last_add >= 100) {
                            j += 1;
                            continue;
                        }
                    }
                }
                break;
            };
            match value {
                100 if group < 100 => {
                    group = group.max(1) * 100;
                    last_add = 100;
                }
                1000 if group < 1000 => {
                    total += group.max(1) * 1000;
                    group = 0;
                    last_add = 1000;
                }
                100 | 1000 => break,
                v if v < last_add || count_words == 0 => {
                    group += v;
                    last_add = v;
                }
                _ => break,
            }
            count_words += n;
            end = words[j + n - 1].end;
            j += n;
        }
        let value = (total + group) as f64;
        let mut kind = NumberKind::Words;
        if count_words == 1 && self.articles.iter().any(|w| *w == *first.lower) {
            kind = NumberKind::Article;
        }
        // What follows: a fraction ("un demi-million"), a scale ("trois millions"), a collective ("deux centaines").
        if j < words.len() && is_gap(&text[end..words[j].start]) {
            let next: &str = &words[j].lower;
            if let Some(fraction) = self.fractions.get(next).filter(|_| count_words > 0) {
                if let Some(scale) = words.get(j + 1).and_then(|t| self.scales.get(&*t.lower)) {
                    return Some((
                        NumberMatch {
                            start: first.start,
                            end: words[j + 1].end,
                            value: value * fraction * *scale as f64,
                            kind: NumberKind::Words,
                        },
                        j + 2 - i,
                    ));
                }
            }

            if let Some(unit) = self.collectives.get(next).filter(|_| count_words > 0) {
                return Some((
                    NumberMatch { start: first.start, end: words[j].end, value: value * *unit as f64, kind: NumberKind::Collective },
                    j + 1 - i,
                ));
            }
        }
        // "mil 815": the written thousand, then its hundreds in digits.
        let (value, end) = match hundreds_after(text, end).filter(|_| last_add == 1000 && group == 0 && kind == NumberKind::Words) {
            Some((hundreds, end)) => (value + hundreds, end),
            None => (value, end),
        };
        (count_words > 0).then_some((NumberMatch { start: first.start, end, value, kind }, j - i))
    }
}

/// Only white space or a hyphen between two words of one number.
fn is_gap(between: &str) -> bool {
    !between.is_empty() && between.chars().all(|c| c == ' ' || c == '-')
}

/// The alphabetic words of `text`, lower-cased once.
fn tokenize(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &text[s..i];
                let lower = if word.chars().any(char::is_uppercase) { word.to_lowercase().into() } else { word.into() };
                words.push(Word { start: s, end: i, lower });
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// "3 mil 700", "mil 815": the digits right after a thousand are its hundreds
/// (Latin-American grouping): their value and where they end.
fn hundreds_after(text: &str, at: usize) -> Option<(f64, usize)> {
    let rest = text[at..].strip_prefix(' ').filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))?;
    let digits = &rest[..rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())];
    let after = &rest[digits.len()..];
    let glued = after.starts_with(|c: char| c.is_alphanumeric() || c == ',')
        || after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit());
    (digits.len() <= 3 && !glued).then(|| (digits.parse::<f64>().unwrap_or(0.0), at + 1 + digits.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    fn read(lang: &str, text: &str) -> Vec<(f64, NumberKind, String)> {
        let reader = NumberReader::new(&Languages::get().by_code(lang).unwrap().numbers);
        reader.find_all(text).into_iter().map(|m| (m.value, m.kind, text[m.start..m.end].to_string())).collect()
    }

    /// Values of the numbers that are not bare articles.
    fn values(lang: &str, text: &str) -> Vec<f64> {
        read(lang, text).into_iter().filter(|(_, k, _)| *k != NumberKind::Article).map(|(v, _, _)| v).collect()
    }

    #[test]
    fn hundreds_after_a_written_thousand() {
        assert_eq!(read("es", "se atiende a 3 mil 700 personas").iter().map(|m| m.0).collect::<Vec<_>>(), [3700.0]);
        assert_eq!(read("es", "en los albergues hay mil 240 personas").iter().map(|m| m.0).collect::<Vec<_>>(), [1240.0]);
        assert_eq!(read("es", "dos mil 15 familias").iter().map(|m| m.0).collect::<Vec<_>>(), [2015.0]);
    }

    #[test]
    fn a_scale_letter_glued_to_digits_multiplies_them() {
        assert_eq!(values("en", "1.5M people and 250K homes"), [1_500_000.0, 250_000.0]);
        assert_eq!(values("fr", "1,2M de sinistrés"), [1_200_000.0]);
        assert_eq!(values("es", "unos 40k desplazados"), [40_000.0]);
        // A length is no scale.
        assert!(values("en", "a 5m wave and a 3km queue").is_empty());
        assert_eq!(read("es", "unas 5 mil personas y 20 heridos").iter().map(|m| m.0).collect::<Vec<_>>(), [5000.0, 20.0]);
    }

    #[test]
    fn a_fraction_of_a_scale() {
        assert_eq!(read("en", "half a million people").iter().map(|m| m.0).collect::<Vec<_>>(), [500_000.0]);
        assert_eq!(read("es", "medio millón de personas").iter().map(|m| m.0).collect::<Vec<_>>(), [500_000.0]);
        assert_eq!(read("fr", "un demi-million de personnes").iter().map(|m| m.0).collect::<Vec<_>>(), [500_000.0]);
    }

    #[test]
    fn digits_with_every_grouping() {
        assert_eq!(values("fr", "14 000 déplacés, 14.000 sinistrés, 2.012 morts"), [14000.0, 14000.0, 2012.0]);
        assert_eq!(values("en", "1,037 dead and 1,204 injured"), [1037.0, 1204.0]);
        assert_eq!(values("es", "50.000 desplazados"), [50000.0]);
        assert_eq!(values("fr", "en 2016 299 morts"), [2016.0, 299.0]);
    }

    #[test]
    fn decimals_with_scales() {
        assert_eq!(values("fr", "1,5 million de personnes"), [1_500_000.0]);
        assert_eq!(values("en", "2.3 million people"), [2_300_000.0]);
        assert_eq!(values("es", "1,5 millones"), [1_500_000.0]);
        assert_eq!(values("fr", "une magnitude de 6,8"), [6.8]);
    }

    #[test]
    fn french_words() {
        assert_eq!(values("fr", "trois cent onze morts"), [311.0]);
        assert_eq!(values("fr", "quatre-vingt-dix blessés"), [90.0]);
        assert_eq!(values("fr", "soixante-treize"), [73.0]);
        assert_eq!(values("fr", "vingt et un morts"), [21.0]);
        assert_eq!(values("fr", "Trente-neuf morts"), [39.0]);
        assert_eq!(values("fr", "quarante-et-un disparus"), [41.0]);
        assert_eq!(values("fr", "deux mille trois cents"), [2300.0]);
        assert_eq!(values("fr", "un million deux cent mille"), [1_200_000.0]);
        assert_eq!(values("en", "5 thousand people and thirty-one million two hundred"), [5000.0, 31_000_200.0]);
        assert_eq!(values("fr", "plus d'un demi-million de morts"), [500_000.0]);
    }

    #[test]
    fn spanish_and_english_words() {
        assert_eq!(values("es", "doscientos cinco heridos"), [205.0]);
        assert_eq!(values("es", "treinta y cinco muertos"), [35.0]);
        assert_eq!(values("es", "dos mil doscientos"), [2200.0]);
        assert_eq!(values("en", "three hundred and eleven"), [311.0]);
        assert_eq!(values("en", "twenty-one people"), [21.0]);
        assert_eq!(values("en", "several hundred dead, a hundred injured"), [100.0]);
    }

    #[test]
    fn collectives_count_only_with_a_number_before() {
        assert_eq!(read("fr", "une cinquantaine de morts")[0].0, 50.0);
        assert_eq!(read("fr", "une cinquantaine de morts")[0].1, NumberKind::Collective);
        assert_eq!(values("es", "cerca de dos centenares de personas"), [200.0]);
        assert!(values("fr", "des centaines de morts et des dizaines de blessés").is_empty());
    }

    #[test]
    fn articles_are_weak_and_glued_digits_are_not_counts() {
        assert_eq!(read("fr", "un bilan")[0].1, NumberKind::Article);
        let read_fr = read("fr", "à 22h00 lors de la 11e journée");
        assert_eq!(read_fr.iter().map(|m| (m.0, m.1)).collect::<Vec<_>>(), [(11.0, NumberKind::Ordinal)], "a rank, not a count");
        assert_eq!(read("en", "on March 1st")[0].1, NumberKind::Ordinal);
    }
}
