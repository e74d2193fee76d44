//! Any text, in any of Vigie's languages: the number reader returns numbers
//! inside the text, in order, or nothing, and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigie_extract::numbers::NumberReader;
use vigie_lang::Languages;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in Languages::get().all() {
        let found = NumberReader::new(&lang.numbers).find_all(text);
        let mut last = 0;
        for m in found {
            assert!(m.start >= last && m.start <= m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            last = m.end;
        }
    }
});
