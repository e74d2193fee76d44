//! Bytes to text. Scraped pages arrive in UTF-8, UTF-16 with a BOM, or a legacy
//! single-byte encoding (Windows-1252, Latin-1); any of them must become UTF-8
//! without a panic. Binary files (by magic number, or by too many control
//! characters) are refused, and control characters never leave this module:
//! they would reach the store and the page.

use encoding_rs::Encoding;

/// Decoded text and the name of the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Why the text is not exactly what the bytes said (invalid sequences replaced).
    pub warning: Option<String>,
}

/// Signatures of binary formats people drop in news folders by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"\0asm", "WebAssembly"),
];

/// More control characters than one in this many characters (and more than
/// a few stray ones): not text.
const CONTROL_RATIO: usize = 100;
const STRAY_CONTROLS: usize = 4;

/// Decodes `bytes`: binary formats are refused, then a BOM wins, then valid
/// UTF-8, then mostly valid UTF-8 (decoded lossily, with a warning), then the
/// encoding chardetng guesses (with `hint`, e.g. an HTTP charset, taken first
/// when it decodes cleanly).
pub fn decode(bytes: &[u8], hint: Option<&str>) -> Result<Decoded, String> {
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(format!("{what}, not text"));
    }
    let (text, encoding, warning) = decode_text(bytes, hint)?;
    Ok(Decoded { text: text_only(text)?, encoding, warning })
}

fn decode_text(bytes: &[u8], hint: Option<&str>) -> Result<(String, &'static str, Option<String>), String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        // Bad bytes after a BOM are replaced, as in text without one.
        let warning = had_errors.then(|| format!("invalid {} sequences replaced", encoding.name()));
        return Ok((text.into_owned(), encoding.name(), warning));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), "UTF-8", None));
    }
    if bytes.iter().filter(|&&b| b == 0).count() > bytes.len() / 16 {
        return Err("binary data, not text".into());
    }
    // Text that is UTF-8 but for a few bad bytes keeps its accents: re-reading
    // it as a legacy encoding would garble every one of them.
    let (invalid, multibyte) = utf8_evidence(bytes);
    if multibyte >= invalid {
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Ok((text, "UTF-8", Some(format!("{invalid} invalid UTF-8 sequence(s) replaced"))));
    }
    if let Some(encoding) = hint.and_then(|h| Encoding::for_label(h.trim().as_bytes())) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors && encoding != encoding_rs::UTF_8 {
            return Ok((text.into_owned(), encoding.name(), None));
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || encoding == encoding_rs::UTF_8 {
        return Err("not valid UTF-8 and no legacy encoding fits".into());
    }
    Ok((text.into_owned(), encoding.name(), None))
}

/// How many invalid UTF-8 sequences `bytes` holds, and how many valid multi-byte characters.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    let (mut invalid, mut multibyte) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += !chunk.invalid().is_empty() as usize;
    }
    (invalid, multibyte)
}

/// Refuses text full of control characters; drops the few others (NUL, escape...).
pub(crate) fn text_only(text: String) -> Result<String, String> {
    let control = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
    let controls = text.chars().filter(|&c| control(c)).count();
    if controls == 0 {
        return Ok(text);
    }
    if controls > STRAY_CONTROLS && controls * CONTROL_RATIO > text.chars().count() {
        return Err("binary data, not text".into());
    }
    Ok(text.chars().filter(|&c| !control(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Alep, près d'Idleb".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Alep, près d'Idleb");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("Les secours évacuent les sinistrés près de la rivière à Murcie, où l'été fut sec.");
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.contains("sinistrés près de la rivière"), "{}", d.text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "hola".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap().text, "hola");
    }

    #[test]
    fn mostly_valid_utf8_keeps_its_accents() {
        let mut bytes = "Inondations à Valence: les secours évacuent la vallée. ".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("Lluvias en Alzira y Algemesí.".as_bytes());
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.contains("secours évacuent la vallée"), "{}", d.text);
        assert!(d.text.contains("Algemesí"));
        assert!(d.warning.unwrap().contains("1 invalid"));
    }

    #[test]
    fn control_characters_are_dropped_and_binary_refused() {
        assert_eq!(
            decode(b"twelve\0 dead\x1b in the flood, said the mayor of the town".as_slice(), None).unwrap().text,
            "twelve dead in the flood, said the mayor of the town"
        );
        assert!(decode(b"\x01\x02\x03\x04\x05\x06 abc", None).is_err());
        for (bytes, what) in [(b"%PDF-1.7\n".as_slice(), "PDF"), (b"\x1f\x8b\x08\0", "gzip"), (b"PK\x03\x04", "ZIP")] {
            let e = decode(bytes, None).unwrap_err();
            assert!(e.contains(what), "{e}");
        }
    }

    #[test]
    fn binary_is_an_error() {
        assert!(decode(&[0, 159, 146, 150, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], None).is_err());
    }
}
