//! Language identification, restricted to the languages Vigie has data for:
//! a detector that may answer Italian for French text is worse than one that
//! only knows the three languages it can process.

use crate::Languages;

/// Bytes of text enough to tell the languages apart; the rest costs time.
const SAMPLE: usize = 3000;

/// The ISO 639-1 code of the text's language and the detector's confidence.
pub fn detect(text: &str) -> Option<(&'static str, f64)> {
    let langs = Languages::get();
    let allow: Vec<whatlang::Lang> = langs.all().iter().map(|l| l.whatlang).collect();
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::Detector::with_allowlist(allow).detect(&text[..end])?;
    langs.by_whatlang(info.lang()).map(|l| (l.code, info.confidence()))
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
}
