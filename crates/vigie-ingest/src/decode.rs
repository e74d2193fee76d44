//! Bytes to text. Scraped pages arrive in UTF-8, UTF-16 with a BOM, or a legacy
//! single-byte encoding (Windows-1252, Latin-1); any of them must become UTF-8
//! without a panic, and bytes that no encoding explains are an error for that
//! input, not a crash.

use encoding_rs::Encoding;

/// Decoded text and the name of the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes `bytes`: a BOM wins, then valid UTF-8, then the encoding chardetng
/// guesses (with `hint`, e.g. an HTTP charset, taken first when it decodes cleanly).
pub fn decode(bytes: &[u8], hint: Option<&str>) -> Result<Decoded, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(format!("invalid {} text", encoding.name()));
        }
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name() });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), encoding: "UTF-8" });
    }
    if let Some(encoding) = hint.and_then(|h| Encoding::for_label(h.trim().as_bytes())) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors && encoding != encoding_rs::UTF_8 {
            return Ok(Decoded { text: text.into_owned(), encoding: encoding.name() });
        }
    }
    if bytes.iter().filter(|&&b| b == 0).count() > bytes.len() / 16 {
        return Err("binary data, not text".into());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || encoding == encoding_rs::UTF_8 {
        return Err("not valid UTF-8 and no legacy encoding fits".into());
    }
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name() })
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
    fn binary_is_an_error() {
        assert!(decode(&[0, 159, 146, 150, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], None).is_err());
    }
}
