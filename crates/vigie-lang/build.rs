//! Embeds every data file under the workspace's `lang/<code>/` folders, so
//! that adding a language is adding a folder: no code names the languages.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lang");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<_> = fs::read_dir(&root).expect("lang/ folder").filter_map(Result::ok).filter(|e| e.path().is_dir()).collect();
    langs.sort_by_key(|e| e.file_name());
    let mut out = String::from("pub(crate) static LANGUAGE_FILES: &[(&str, &[(&str, &str)])] = &[\n");
    for lang in langs {
        let code = lang.file_name().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed={}", lang.path().display());
        let mut files: Vec<_> = fs::read_dir(lang.path()).unwrap().filter_map(Result::ok).collect();
        files.sort_by_key(|e| e.file_name());
        writeln!(out, "    ({code:?}, &[").unwrap();
        for file in files {
            let name = file.file_name().to_string_lossy().into_owned();
            let path = fs::canonicalize(file.path()).unwrap();
            println!("cargo:rerun-if-changed={}", path.display());
            writeln!(out, "        ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("language_files.rs"), out).unwrap();
}
