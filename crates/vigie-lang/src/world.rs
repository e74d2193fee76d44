//! Knowledge that belongs to no language: named entities with their aliases
//! in every language (`data/entities.toml`) and the adjectives of countries
//! (`data/countries.toml`).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Kinds of named entity.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Org,
    Group,
    Person,
    Place,
    Event,
}

/// A named entity and all the ways it is written.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub name: String,
    /// The label used when the entity is a figure's source; `name` when absent.
    pub short: Option<String>,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Whether the entity publishes figures (an NGO does; a rebel leader does not).
    #[serde(default = "yes")]
    pub source: bool,
    /// A non-governmental organisation: what "une ONG" most likely refers to.
    #[serde(default)]
    pub ngo: bool,
    /// The organisation a person speaks for (a spokesman, a director): their figures are its figures.
    pub speaks_for: Option<String>,
    pub aliases: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Entity {
    /// The label of the entity as a source: its own, or that of the organisation it speaks for.
    pub fn label(&self) -> &str {
        if let Some(org) = self.speaks_for.as_deref().and_then(|n| entities().iter().find(|e| e.name == n)) {
            return org.label();
        }
        self.short.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Deserialize)]
struct EntitiesFile {
    entity: Vec<Entity>,
}

#[derive(Deserialize)]
struct CountriesFile {
    adjectives: BTreeMap<String, String>,
}

/// The entities of `data/entities.toml`.
pub fn entities() -> &'static [Entity] {
    static ENTITIES: OnceLock<Vec<Entity>> = OnceLock::new();
    ENTITIES.get_or_init(|| {
        let file: EntitiesFile =
            toml::from_str(include_str!("../../../data/entities.toml")).unwrap_or_else(|e| panic!("data/entities.toml: {e}"));
        file.entity
    })
}

/// The English adjective of a country's institutions ("Moroccan"), by ISO 3166 code.
pub fn country_adjective(code: &str) -> Option<&'static str> {
    static ADJECTIVES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    ADJECTIVES
        .get_or_init(|| {
            let file: CountriesFile =
                toml::from_str(include_str!("../../../data/countries.toml")).unwrap_or_else(|e| panic!("data/countries.toml: {e}"));
            file.adjectives
        })
        .get(code)
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_countries_load() {
        let osdh = entities().iter().find(|e| e.label() == "OSDH").unwrap();
        assert!(osdh.aliases.iter().any(|a| a == "SOHR"));
        assert_eq!(country_adjective("MA"), Some("Moroccan"));
        assert_eq!(country_adjective("ZZ"), None);
        let director = entities().iter().find(|e| e.name == "Rami Abdel Rahmane").unwrap();
        assert_eq!(director.label(), "OSDH");
        for e in entities() {
            if let Some(org) = &e.speaks_for {
                assert!(entities().iter().any(|o| &o.name == org), "{} speaks for unknown {org}", e.name);
            }
        }
    }
}
