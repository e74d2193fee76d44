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
    /// A wire agency or news service: it relays what others say, and names no story.
    Media,
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

/// What a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    Admin1,
    City,
}

/// A place of the GeoNames gazetteer (`data/gazetteer/places.tsv`, CC BY 4.0).
#[derive(Clone, Debug)]
pub struct Place {
    pub id: u32,
    pub kind: PlaceKind,
    pub name: &'static str,
    /// ISO 3166 code.
    pub country: &'static str,
    pub lat: f32,
    pub lon: f32,
    pub population: u64,
}

/// The gazetteer: places and an index of every name and alternate name, lower case.
pub struct Gazetteer {
    pub places: Vec<Place>,
    by_name: foldhash::HashMap<String, Vec<u32>>,
}

impl Gazetteer {
    /// The places named `name` (any case), most populous first.
    pub fn lookup(&self, name: &str) -> &[u32] {
        self.by_name.get(&name.to_lowercase()).map_or(&[], Vec::as_slice)
    }

    /// Every place, in the file's order (countries first, then by population).
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn place(&self, index: u32) -> &Place {
        &self.places[index as usize]
    }

    /// The country entry of an ISO code.
    pub fn country(&self, code: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.kind == PlaceKind::Country && p.country == code)
    }
}

/// The gazetteer, parsed on first use (about 90,000 places).
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let text: &'static str = include_str!("../../../data/gazetteer/places.tsv");
        let mut places = Vec::new();
        let mut by_name: foldhash::HashMap<String, Vec<u32>> = foldhash::HashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 9 {
                continue;
            }
            let kind = match f[1] {
                "country" => PlaceKind::Country,
                "admin1" => PlaceKind::Admin1,
                _ => PlaceKind::City,
            };
            let index = places.len() as u32;
            places.push(Place {
                id: f[0].parse().unwrap_or(0),
                kind,
                name: f[2],
                country: f[3],
                lat: f[5].parse().unwrap_or(0.0),
                lon: f[6].parse().unwrap_or(0.0),
                population: f[7].parse().unwrap_or(0),
            });
            for name in std::iter::once(f[2]).chain(f[8].split('|').filter(|n| !n.is_empty())) {
                let entry = by_name.entry(name.to_lowercase()).or_default();
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
        }
        // Rows are sorted by kind then population: each list is already most populous first within a kind.
        Gazetteer { places, by_name }
    })
}

#[cfg(test)]
mod gazetteer_tests {
    use super::*;

    #[test]
    fn alternate_names_resolve() {
        let g = gazetteer();
        let alep = g.lookup("Alep");
        assert!(alep.iter().any(|&i| g.place(i).name == "Aleppo" && g.place(i).country == "SY"));
        let valencias: Vec<&str> = g.lookup("valencia").iter().map(|&i| g.place(i).country).collect();
        assert!(valencias.contains(&"ES") && valencias.contains(&"VE"), "{valencias:?}");
        assert_eq!(g.country("MA").map(|p| p.name), Some("Morocco"));
    }
}
