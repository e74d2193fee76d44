//! Language identification, restricted to the languages Vigie has data for:
//! a detector that may answer Italian for French text is worse than one that
//! only knows the three languages it can process.
//!
//! Letter statistics need text: on one sentence ("12 men were killed outside
//! a shop") they can answer French. Function words settle short texts first:
//! each language's most frequent words (its lexicon's head) are counted, and
//! a language with clearly more of them wins.

use crate::Languages;

/// Bytes of text enough to tell the languages apart; the rest costs time.
const SAMPLE: usize = 3000;

/// A word this frequent in a language is one of its function words.
const FUNCTION_WORD_RANK: u32 = 100;
/// Function words a language needs, and how many times more than any other, to win without letter statistics.
const FUNCTION_WORDS_MIN: usize = 2;
const FUNCTION_WORDS_MARGIN: usize = 2;
/// Words read for function words: a sentence or two settles it, and the rest costs time.
const FUNCTION_WORDS_SAMPLE: usize = 60;

/// The ISO 639-1 code of the text's language and the detector's confidence.
pub fn detect(text: &str) -> Option<(&'static str, f64)> {
    let langs = Languages::get();
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if let Some(code) = by_function_words(sample) {
        return Some((code, 1.0));
    }
    let allow: Vec<whatlang::Lang> = langs.all().iter().map(|l| l.whatlang).collect();
    let info = whatlang::Detector::with_allowlist(allow).detect(sample)?;
    langs.by_whatlang(info.lang()).map(|l| (l.code, info.confidence()))
}

/// The language whose function words the text holds clearly more of, if one does.
fn by_function_words(sample: &str) -> Option<&'static str> {
    let langs = Languages::get().all();
    let mut counts = vec![0usize; langs.len()];
    for word in sample.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).take(FUNCTION_WORDS_SAMPLE) {
        let lower = word.to_lowercase();
        for (count, lang) in counts.iter_mut().zip(langs) {
            *count += usize::from(lang.lexicon.rank(&lower).is_some_and(|r| r < FUNCTION_WORD_RANK));
        }
    }
    let best = (0..langs.len()).max_by_key(|&i| counts[i])?;
    let runner_up = (0..langs.len()).filter(|&i| i != best).map(|i| counts[i]).max().unwrap_or(0);
    (counts[best] >= FUNCTION_WORDS_MIN && counts[best] >= FUNCTION_WORDS_MARGIN * runner_up.max(1)).then_some(langs[best].code)
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn tells_french_english_and_spanish_apart() {
        assert_eq!(detect("Les secours ont retrouvé trois corps dans la rivière, selon la préfecture.").unwrap().0, "fr");
        assert_eq!(detect("Rescuers found three bodies in the river, the prefecture said on Friday.").unwrap().0, "en");
        assert_eq!(detect("Los equipos de rescate hallaron tres cuerpos en el río, según la prefectura.").unwrap().0, "es");
    }

    #[test]
    fn one_short_sentence_is_read_by_its_function_words() {
        assert_eq!(detect("12 men were killed outside a shop.").unwrap().0, "en");
        assert_eq!(detect("Deux hommes ont été tués devant un bar.").unwrap().0, "fr");
        assert_eq!(detect("Dos hombres murieron frente a un bar.").unwrap().0, "es");
    }
}
