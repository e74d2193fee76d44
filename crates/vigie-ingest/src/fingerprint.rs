//! Signatures for duplicate detection.
//!
//! Two articles are the same when their normalised word sequences hash
//! equal ([`Fingerprint::text_hash`]) or their URLs agree once tracking noise
//! is removed ([`url_key`]). They are near-duplicates (one wire story on two
//! sites) when the MinHash signatures of their word 4-shingles agree on most
//! positions; locality-sensitive bands ([`bands`]) find candidates without
//! comparing every pair.

use xxhash_rust::xxh3::xxh3_64;

/// Hashes in a MinHash signature.
pub const SIGNATURE_LEN: usize = 64;
/// Rows per LSH band: 21 bands of 3 rows find 94% of pairs at 0.5
/// similarity and 75% at 0.4, while pairs at 0.2 rarely meet.
pub const BAND_ROWS: usize = 3;
/// Words per shingle.
const SHINGLE: usize = 4;

/// Exact and near-duplicate signatures of one text.
pub struct Fingerprint {
    pub text_hash: u64,
    pub minhash: Vec<u32>,
}

/// Odd multipliers and offsets of the signature's hash functions, fixed so
/// that signatures stored by one run compare with those of the next.
static PERMUTATIONS: ([u64; SIGNATURE_LEN], [u64; SIGNATURE_LEN]) = {
    let mut a = [0u64; SIGNATURE_LEN];
    let mut b = [0u64; SIGNATURE_LEN];
    let mut state = 0x853c_49e6_748f_ea9bu64;
    let mut i = 0;
    while i < SIGNATURE_LEN {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        a[i] = state | 1;
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        b[i] = state;
        i += 1;
    }
    (a, b)
};

const fn mix(mut x: u64) -> u64 {
    // splitmix64's finaliser: cheap, and every input bit moves every output bit.
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        let mut word = String::with_capacity(32);
        let mut words: Vec<u64> = Vec::with_capacity(text.len() / 5);
        let flush = |word: &mut String, words: &mut Vec<u64>| {
            if !word.is_empty() {
                words.push(xxh3_64(word.as_bytes()));
                word.clear();
            }
        };
        for c in text.chars() {
            if c.is_alphanumeric() {
                if c.is_ascii() {
                    word.push(c.to_ascii_lowercase());
                } else {
                    word.extend(c.to_lowercase());
                }
            } else {
                flush(&mut word, &mut words);
            }
        }
        flush(&mut word, &mut words);
        let text_hash = words.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, w| mix(h ^ w));
        let mut minhash = vec![u32::MAX; SIGNATURE_LEN];
        let shingles = words.len().saturating_sub(SHINGLE - 1).max(usize::from(!words.is_empty()));
        for i in 0..shingles {
            let shingle = words[i..(i + SHINGLE).min(words.len())].iter().fold(0u64, |h, w| h.rotate_left(17) ^ w);
            // k independent hashes by multiply-shift (a·x + b, high half):
            // one multiply each, a loop the compiler vectorises.
            let x = mix(shingle);
            for ((slot, a), b) in minhash.iter_mut().zip(&PERMUTATIONS.0).zip(&PERMUTATIONS.1) {
                let h = (a.wrapping_mul(x).wrapping_add(*b) >> 32) as u32;
                *slot = (*slot).min(h);
            }
        }
        Fingerprint { text_hash, minhash }
    }
}

/// The LSH band keys of a signature; two texts sharing any key are candidates.
pub fn bands(minhash: &[u32]) -> Vec<i64> {
    minhash
        .chunks_exact(BAND_ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut bytes = Vec::with_capacity(4 + rows.len() * 4);
            bytes.extend_from_slice(&(band as u32).to_le_bytes());
            rows.iter().for_each(|r| bytes.extend_from_slice(&r.to_le_bytes()));
            xxh3_64(&bytes) as i64
        })
        .collect()
}

/// The estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// A URL reduced to what identifies the page: no scheme, no `www.`, no
/// fragment, no tracking parameters, no trailing slash.
pub fn url_key(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url.trim()) else {
        return url.trim().to_string();
    };
    parsed.set_fragment(None);
    let kept: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(k, _)| !(k.starts_with("utm_") || matches!(k.as_ref(), "maca" | "noamp" | "amp" | "fbclid" | "gclid" | "ref" | "xtor")))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let host = parsed.host_str().unwrap_or("").to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut key = format!("{host}{}", parsed.path().trim_end_matches('/'));
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"));
    }
    key
}

/// A stable id for a document known only by its URL.
pub fn url_id(url: &str) -> String {
    format!("url-{:016x}", xxh3_64(url_key(url).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Torrential rain flooded villages across the region on Tuesday night, and rescue teams \
        were still searching the riverbanks on Wednesday for people reported missing. At least 37 people died, \
        the regional emergency service said, and hundreds spent the night in sports halls.";

    #[test]
    fn the_same_words_hash_the_same_whatever_the_spacing_and_case() {
        let a = Fingerprint::of("At least 37 people died.");
        let b = Fingerprint::of("  at LEAST 37\u{a0}people  died ");
        assert_eq!(a.text_hash, b.text_hash);
        assert_ne!(a.text_hash, Fingerprint::of("At least 38 people died.").text_hash);
    }

    #[test]
    fn a_lightly_edited_copy_is_similar_and_shares_a_band() {
        let copy = format!("Floods: the toll rises. {STORY} Read more on our site.");
        let (a, b) = (Fingerprint::of(STORY), Fingerprint::of(&copy));
        assert!(similarity(&a.minhash, &b.minhash) > 0.6);
        let (ba, bb) = (bands(&a.minhash), bands(&b.minhash));
        assert!(ba.iter().any(|k| bb.contains(k)));
    }

    #[test]
    fn different_stories_are_not_similar() {
        let other = Fingerprint::of(
            "The central bank raised its key rate by a quarter point on Thursday, its seventh increase in ten months, citing inflation.",
        );
        assert!(similarity(&Fingerprint::of(STORY).minhash, &other.minhash) < 0.2);
    }

    #[test]
    fn url_keys_ignore_tracking_and_www() {
        assert_eq!(url_key("https://www.dw.com/en/a/a-1?maca=en-rss#top"), url_key("http://dw.com/en/a/a-1/"));
        assert_ne!(url_key("https://x.example/?p=1"), url_key("https://x.example/?p=2"));
    }
}
