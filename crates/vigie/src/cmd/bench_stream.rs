//! `vigie bench --stream N`: groups a synthetic stream of N articles into
//! stories, to measure grouping speed and memory at a scale no corpus here
//! has. Events (floods, earthquakes, offensives, storms) start every day in
//! real places from the gazetteer; each is reported for a few days by
//! articles in French, English and Spanish written from our own templates.

use std::time::Instant;
use vigie_extract::Extractor;
use vigie_lang::world::{gazetteer, PlaceKind};
use vigie_stories::{Config, Grouper, Profiler};

/// Templates by language and kind of event: {place}, {n}, {name}, {day}.
const TEMPLATES: &[(&str, &str, &str)] = &[
    ("fr", "flood", "Inondations à {place} : au moins {n} morts. Les pluies torrentielles ont submergé {place} {day}, selon la préfecture. Le maire {name} appelle à la prudence et les secours cherchent encore des disparus."),
    ("en", "flood", "Floods in {place} kill at least {n}. Torrential rain submerged {place} {day}, officials said. Mayor {name} urged residents to stay indoors as rescuers searched for the missing."),
    ("es", "flood", "Inundaciones en {place}: al menos {n} muertos. Las lluvias torrenciales anegaron {place} {day}, según las autoridades. El alcalde {name} pidió prudencia mientras continúa la búsqueda de desaparecidos."),
    ("fr", "earthquake", "Séisme près de {place} : le bilan atteint {n} morts. La secousse de magnitude 6 a frappé {place} {day}. Le sismologue {name} redoute de nouvelles répliques."),
    ("en", "earthquake", "Earthquake near {place}: death toll reaches {n}. The magnitude 6 quake struck {place} {day}. Seismologist {name} warned of further aftershocks."),
    ("es", "earthquake", "Terremoto cerca de {place}: el balance llega a {n} muertos. El sismo de magnitud 6 sacudió {place} {day}. El sismólogo {name} advierte de nuevas réplicas."),
    ("fr", "conflict", "Offensive autour de {place} : {n} morts selon une ONG. Les combats entre l'armée et les rebelles de {name} se poursuivent {day} aux portes de {place}."),
    ("en", "conflict", "Offensive around {place}: {n} killed, a monitor says. Fighting between the army and {name} rebels went on {day} at the gates of {place}."),
    ("es", "conflict", "Ofensiva en torno a {place}: {n} muertos según una ONG. Los combates entre el ejército y los rebeldes de {name} continúan {day} a las puertas de {place}."),
    ("fr", "storm", "Le cyclone {name} frappe {place} : {n} morts. Des rafales violentes ont balayé {place} {day}, les habitants sont privés d'électricité."),
    ("en", "storm", "Cyclone {name} hits {place}: {n} dead. Violent gusts swept {place} {day}, leaving residents without power."),
    ("es", "storm", "El ciclón {name} azota {place}: {n} muertos. Fuertes rachas barrieron {place} {day} y dejaron a los vecinos sin luz."),
];
const KINDS: [&str; 4] = ["flood", "earthquake", "conflict", "storm"];
const LANGS: [&str; 3] = ["fr", "en", "es"];
const SYLLABLES: [&str; 16] = ["ka", "lo", "mi", "ra", "ten", "vo", "su", "ban", "dre", "li", "mar", "no", "pe", "qui", "zo", "tal"];

/// A small deterministic generator (xorshift64*), so every run is the same stream.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Event {
    kind: &'static str,
    place: String,
    name: String,
    start: chrono::NaiveDate,
    days: i64,
    toll: u64,
}

/// What the stream measured.
pub struct StreamMeasure {
    pub articles: usize,
    pub events: usize,
    pub stories: usize,
    pub seconds: f64,
    pub open_stories_at_end: usize,
}

/// Groups `n` synthetic articles; `sample` is called with the article count as it goes (for memory).
pub fn run(n: usize, mut sample: impl FnMut(usize)) -> StreamMeasure {
    let cities: Vec<String> = {
        let g = gazetteer();
        g.places().iter().filter(|p| p.kind == PlaceKind::City).map(|p| p.name.to_string()).take(20_000).collect()
    };
    let extractor = Extractor::new();
    let profiler = Profiler::new();
    let mut grouper = Grouper::new(Config::default());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let day0 = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("valid date");
    let (mut events, mut active): (usize, Vec<Event>) = (0, Vec::new());
    let mut stories = 0;
    let start = Instant::now();
    let mut produced = 0;
    let mut day = 0i64;
    while produced < n {
        // About 300 new events a day, each reported for 1 to 10 days by about two articles a day.
        let today = day0 + chrono::Duration::days(day);
        active.retain(|e| (today - e.start).num_days() < e.days);
        for _ in 0..300 {
            let name: String = (0..3).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
            active.push(Event {
                kind: KINDS[rng.below(KINDS.len())],
                place: cities[rng.below(cities.len())].clone(),
                name: name[..1].to_uppercase() + &name[1..],
                start: today,
                days: 1 + rng.below(10) as i64,
                toll: 1 + rng.below(50) as u64,
            });
            events += 1;
        }
        for e in active.iter_mut() {
            for _ in 0..2 {
                if produced >= n {
                    break;
                }
                let lang = LANGS[rng.below(LANGS.len())];
                let template =
                    TEMPLATES.iter().find(|(l, k, _)| *l == lang && *k == e.kind).map(|t| t.2).expect("a template per language and kind");
                e.toll += rng.below(5) as u64;
                let text = template
                    .replace("{place}", &e.place)
                    .replace("{n}", &e.toll.to_string())
                    .replace("{name}", &e.name)
                    .replace("{day}", &today.format("%d/%m").to_string());
                let id = format!("s{produced}");
                let entities = extractor.entities_in(lang, &text);
                let profile = profiler.profile_text(&id, Some(lang), Some(today), &text, &entities);
                // A new story takes the id of its first article.
                stories += (grouper.assign(&profile, false) == id) as usize;
                produced += 1;
                if produced % 10_000 == 0 {
                    sample(produced);
                }
            }
        }
        day += 1;
    }
    StreamMeasure {
        articles: produced,
        events,
        stories,
        seconds: start.elapsed().as_secs_f64(),
        open_stories_at_end: grouper.open_stories(),
    }
}
