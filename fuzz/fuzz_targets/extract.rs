//! Any bytes through decoding, cleaning and extraction (with its explanations):
//! figures or nothing, never a panic, and every quote and speaker is the
//! original text at its offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vigie_extract::Extractor;
use vigie_ingest::{decode::decode, Cleaner};
use vigie_model::Document;

fuzz_target!(|data: &[u8]| {
    static TOOLS: OnceLock<(Cleaner, Extractor)> = OnceLock::new();
    let (cleaner, extractor) = TOOLS.get_or_init(|| (Cleaner::new(), Extractor::new()));
    let Ok(decoded) = decode(data, None) else { return };
    // The first byte picks a declared language, so every language's rules run.
    let lang = ["fr", "en", "es", ""][data.first().map_or(0, |b| *b as usize % 4)];
    let doc = Document { id: "fuzz".into(), origin: "fuzz".into(), text: decoded.text, lang: Some(lang.to_string()).filter(|l| !l.is_empty()), ..Default::default() };
    let Ok(article) = cleaner.clean(doc) else { return };
    for (f, _why) in extractor.explain(&article) {
        assert_eq!(&article.original[f.start..f.end], f.quote);
        // The speaker as written stands at its offsets too.
        if let (Some(text), Some(start), Some(end)) = (&f.source_text, f.source_start, f.source_end) {
            assert_eq!(&article.original[start..end], text);
        }
    }
    extractor.entities(&article);
});
