//! Who speaks for a figure: attribution as reading, lists as naming.
//!
//! Each attribution cue governs one phrase: "selon", "according to",
//! "según" the phrase after it; a reporting verb ("a indiqué", "said",
//! "informó") its subject, before it, or after it when inverted ("a précisé
//! le ministère"). The phrase is a candidate: a source the lists name
//! ([`crate::sources`]), a person or organisation read from the text
//! ([`crate::names`]), or a pronoun standing for the last person who spoke.
//! A role next to a person's name in apposition ("the governor, NAME,")
//! gives way to the person and becomes what they speak for.
//!
//! A speech covers the cue's sentence, and a quotation it closes or opens.
//! A figure takes the speech covering it, else the last speech of its
//! paragraph; a name merely mentioned never speaks, and a figure no one is
//! said to give is the outlet's own.

use crate::config::{
    APPOSITION_REACH_WORDS, CARRY_PARAGRAPHS, COMPLEMENT_MODIFIER_WORDS, LEDE_GAP_SENTENCES, MEDIUM_WORDS, ROLE_PLACE_WORDS,
    SPEAKER_REACH_WORDS, SUBJECTLESS_REACH_SENTENCES, TITLE_PERSONS_BACK, TITLE_REACH_WORDS,
};
use crate::figures::{Found, RawFigure};
use crate::names::{Name, NameKind};
use crate::posts::Post;
use crate::sources::SourceMention;
use std::ops::Range;
use vigie_lang::Language;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Person,
    /// Named outright: an organisation of the lists or of the text.
    Organisation,
    /// A role or an institution the lists name by what it is ("le ministère", "authorities").
    Role,
    Pronoun,
    /// A phrase that refers back to whoever spoke last ("cette même source").
    Anaphora,
    /// A wire agency or a news outlet: it relays, it never speaks, and it blocks the names inside it.
    Silent,
}

#[derive(Clone, Debug)]
struct Candidate {
    span: Range<usize>,
    label: String,
    kind: Kind,
    /// One capitalised word the lists do not know: a name, but maybe an event's ("DANA").
    lone: bool,
    /// Where the relay phrase before an outlet starts ("cité par l'agence Tass"): that outlet never speaks.
    relayed_from: Option<usize>,
}

/// One attribution: a cue, who it names, and the text it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Speech {
    pub cue: Range<usize>,
    /// The speaker's label: a person's name, an organisation's.
    pub label: String,
    /// What a person speaks for, when the text says ("Guerrero governor").
    pub org: Option<String>,
    /// Where the speaker is named, in clean text.
    pub span: Range<usize>,
    /// The sentence of the cue, with the quotation it closes or opens.
    pub covers: Range<usize>,
    /// How the cue reached its speaker, for `--explain`.
    pub how: &'static str,
    /// The cue's subject is a count or a report that names no one ("un précédent bilan faisait état de"):
    /// what it covers is the outlet's own voice.
    pub anonymous: bool,
    /// The speaker is a person: whom "he", "elle" stand for.
    pub person: bool,
}

/// How a figure's source was found, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// A paragraph of its own credits the article to a speaker, and no one else speaks for the count.
    Article,
    /// A count said to be official, which no one else speaks for: the institution the lists give the phrase.
    Official,
    /// The first speaker, shortly after a headline or lede that names none.
    Lede,
    /// The last speaker of a paragraph shortly before, when the figure's paragraph names no one.
    Carried,
    /// The last speaker of the figure's paragraph.
    Paragraph,
    /// A speech covering the figure.
    Covered,
}

/// A figure's source and how it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub label: String,
    pub org: Option<String>,
    pub span: Range<usize>,
    pub evidence: Evidence,
}

/// The speeches of one text, in order of their cues.
pub fn speeches(lang: &'static Language, text: &str, found: &Found, lexicon: &[SourceMention], names: &[Name], posts: &[Post]) -> Speakers {
    let folded = vigie_text::Folded::new(text);
    let candidates = candidates(lang, text, &folded, lexicon, names);
    let named = candidates
        .iter()
        .filter(|c| matches!(c.kind, Kind::Person | Kind::Organisation))
        .map(|c| (c.span.clone(), c.label.clone()))
        .collect();
    let mut speeches = speeches_of(lang, text, found, &candidates);
    speeches.extend(owners_of_counts(lang, text, &folded, found, &candidates));
    let official = official_counts(text, found, lexicon);
    speeches.extend(signatures(text, posts, lexicon));
    speeches.sort_by_key(|s| s.cue.start);
    let credit = speeches.iter().find(|s| credits_the_article(&lang.sources, text, found, s)).cloned();
    Speakers { speeches, official, credit, named, additives: &lang.sources.additives, event_nouns: &lang.dates.event_nouns }
}

/// The speeches of a text, and whom it names outright: a sentence that names
/// someone else does not go on with the speaker of the paragraph before.
#[derive(Default)]
pub struct Speakers {
    speeches: Vec<Speech>,
    /// Counts said to be official: the institution's when no one else speaks for them.
    official: Vec<Speech>,
    /// The speech of a paragraph that credits the article to its speaker ("X writes about this").
    credit: Option<Speech>,
    /// Persons and organisations named outright, in text order, by label.
    named: Vec<(Range<usize>, String)>,
    /// The language's additive connectives ("en outre"), which go on with the speaker before.
    additives: &'static [String],
    /// The language's nouns of events ("séisme", "attack"): a sentence they open tells of the event.
    event_nouns: &'static [String],
}

impl std::ops::Deref for Speakers {
    type Target = [Speech];
    fn deref(&self) -> &[Speech] {
        &self.speeches
    }
}

/// The speeches bound to attribution cues, in order of their cues.
fn speeches_of(lang: &Language, text: &str, found: &Found, candidates: &[Candidate]) -> Vec<Speech> {
    let quotes = quotations(text);
    let mut out: Vec<Speech> = Vec::new();
    for cue in &found.attributions {
        let Some(sentence) = sentence_of(&found.sentences, cue) else { continue };
        let here: Vec<&Candidate> = in_sentence(candidates, &sentence).filter(|c| !overlaps(&c.span, cue)).collect();
        let follows = listed(&lang.sources.source_follows, &text[cue.clone()]);
        let Some((chosen, how)) = bind(lang, text, cue, &here, &sentence, follows) else {
            // "selon les enquêteurs russes", "affirment des responsables de la santé": a descriptor, kept as written.
            // Only where the phrase after the cue must be its speaker: after "selon", or after a verb that opens
            // its clause ("..., affirment des responsables").
            let opens_clause = text[..cue.start].trim_end().ends_with([',', '"']);
            // "selon un bilan très provisoire": the cue itself names a report, not a speaker.
            let cue_names_report = text[cue.clone()].split(' ').any(|w| listed(&lang.sources.reports, w));
            let starts_cue = |span: &Range<usize>| found.attributions.iter().any(|a| a.start == span.start);
            let described = (follows || opens_clause) && !cue_names_report;
            let named_there = |d: &Range<usize>| in_sentence(candidates, &sentence).any(|c| overlaps(&c.span, d));
            if let Some(span) =
                described.then(|| descriptor(lang, text, cue, &sentence, follows)).flatten().filter(|d| !starts_cue(d) && !named_there(d))
            {
                let covers = covered(text, &quotes, cue, &span, sentence.clone());
                // "le secrétaire général au ministère de l'Intérieur", "a spokesman for the ministry": a role speaks for its institution.
                if let Some(body) = institution_of(lang, text, &span, &here) {
                    let (label, span) = (body.label.clone(), body.span.clone());
                    out.push(Speech {
                        cue: cue.clone(),
                        label,
                        org: None,
                        span,
                        covers,
                        how: "a role of the institution after it",
                        anonymous: false,
                        person: false,
                    });
                    continue;
                }
                if let Some(body) = named_again(lang, text, candidates, &span) {
                    let (label, span) = (body.label.clone(), span.clone());
                    let how = "the head noun of a body named before";
                    out.push(Speech { cue: cue.clone(), label, org: None, span, covers, how, anonymous: false, person: false });
                    continue;
                }
                if let Some(person) = titled_person(lang, text, candidates, &span) {
                    let (label, span) = (person.label.clone(), person.span.clone());
                    let how = "a bare title: the person last named with it";
                    out.push(Speech { cue: cue.clone(), label, org: None, span, covers, how, anonymous: false, person: true });
                    continue;
                }
                let label = text[span.clone()].to_string();
                out.push(Speech {
                    cue: cue.clone(),
                    label,
                    org: None,
                    span,
                    covers,
                    how: DESCRIPTOR_AFTER_CUE,
                    anonymous: false,
                    person: false,
                });
                continue;
            }
            // "The state railway company said": a common noun phrase before the verb, kept as written.
            if let Some(span) = (!follows).then(|| subject_descriptor(lang, text, cue, &sentence)).flatten().filter(|d| !named_there(d)) {
                let covers = covered(text, &quotes, cue, &span, sentence.clone());
                let label =
                    named_again(lang, text, candidates, &span).map_or_else(|| as_label(text, &span, sentence.start), |c| c.label.clone());
                out.push(Speech {
                    cue: cue.clone(),
                    label,
                    org: None,
                    span,
                    covers,
                    how: DESCRIPTOR_BEFORE_VERB,
                    anonymous: false,
                    person: false,
                });
                continue;
            }
            // "..., precisó.": a reporting verb with no subject of its own goes on with the last speaker close by.
            let index = |at: usize| found.sentences.partition_point(|r| r.start <= at);
            let recent = |s: &&Speech| index(sentence.start).saturating_sub(index(s.cue.start)) <= SUBJECTLESS_REACH_SENTENCES;
            // "Un précédent bilan faisait état de 43 morts": the subject is a count, and it names no one.
            let last_words = text[sentence.start..cue.start].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(2);
            let count_speaks = last_words.into_iter().any(|w| listed(&lang.sources.tallies, w));
            // "se había confirmado", "on a annoncé": an impersonal verb goes on with a speaker of its
            // own paragraph only; past it, it names no one either.
            let before = text[sentence.start..cue.start].trim_end();
            let impersonal = lang.sources.impersonal.iter().any(|m| crate::ends_with_word(before, m));
            let same_paragraph = |s: &&Speech| paragraph_of(text, found, s.cue.start) == paragraph_of(text, found, cue.start);
            let last = out.last().filter(recent).filter(|s| !count_speaks && !follows && !s.anonymous);
            if let Some(last) = last.filter(|s| !impersonal || same_paragraph(s)).cloned() {
                let covers = covered(text, &quotes, cue, cue, sentence);
                out.push(Speech { cue: cue.clone(), covers, how: "no subject: the last speaker goes on", ..last });
            } else if count_speaks || impersonal {
                let covers = covered(text, &quotes, cue, cue, sentence);
                let span = cue.clone();
                out.push(Speech {
                    cue: cue.clone(),
                    label: String::new(),
                    org: None,
                    span,
                    covers,
                    how: if count_speaks { "a count names no one" } else { "an impersonal verb names no one" },
                    anonymous: true,
                    person: false,
                });
            }
            continue;
        };
        let (speaker, org, how) = match apposed_person(lang, text, &here, chosen, cue) {
            Some(person) => (person, (chosen.kind != Kind::Person).then(|| chosen.label.clone()), "apposition"),
            // "NAME, jefe de la Oficina Nacional de Emergencias, informó": the institution of the role.
            None if how == SUBJECT_PAST_APPOSITION => {
                let role = chosen.span.end..cue.start;
                let body = here.iter().find(|c| c.span.start >= role.start && c.span.end <= role.end && c.kind != Kind::Person && !c.lone);
                (chosen, body.filter(|c| matches!(c.kind, Kind::Organisation | Kind::Role)).map(|c| c.label.clone()), how)
            }
            // "Governor NAME said": the title before the name is whom they speak for.
            None if chosen.kind == Kind::Person => (chosen, title_of(text, &here, chosen).map(|r| r.label.clone()), how),
            None => (chosen, None, how),
        };
        // "the mayor of the resort city said": a role the lists could tie to no place or country keeps its complement
        // as written; so does a body the lists do not know ("Dirección de Protección Civil del gobierno del estado").
        let unplaced_role = how == SUBJECT_WITH_COMPLEMENT && !chosen.label.contains(char::is_uppercase);
        let unlisted_body = how == SUBJECT_QUALIFIED_BY_COMPLEMENT && text[chosen.span.clone()] == chosen.label;
        let written = (unplaced_role || unlisted_body).then(|| {
            let phrase = text[chosen.span.start..cue.start].split(',').next().unwrap_or_default().trim_end();
            as_label(text, &(chosen.span.start..chosen.span.start + phrase.len()), sentence.start)
        });
        // "hospital officials said": people the lists know ("officials"), narrowed by common words before them.
        let written = written.or_else(|| {
            let people = chosen.kind == Kind::Role && listed(&lang.sources.speaker_heads, &text[chosen.span.clone()].to_lowercase());
            // An inverted subject's modifiers start after its verb ("said rescuers").
            let from = if chosen.span.start >= cue.end { cue.end } else { sentence.start };
            let start = people.then(|| modifiers_before(lang, text, chosen.span.start, from)).flatten()?;
            Some(as_label(text, &(start..chosen.span.end), sentence.start))
        });
        let (label, org, person) = match speaker.kind {
            // "he said", "a-t-il précisé": the last person who spoke, else the last speaker named outright.
            Kind::Pronoun => {
                match out.iter().rev().find(|s| s.person).or_else(|| out.iter().rev().find(|s| !s.anonymous && !s.is_descriptor())) {
                    Some(s) => (s.label.clone(), s.org.clone(), s.person),
                    None => continue,
                }
            }
            // "la gouverneure a ajouté": the person who spoke before in that role.
            Kind::Anaphora => match out.iter().rev().find(|s| !s.anonymous) {
                Some(s) => (s.label.clone(), s.org.clone(), s.person),
                None => continue,
            },
            Kind::Role => match out.iter().rev().find(|s| s.org.as_deref() == Some(speaker.label.as_str())) {
                Some(s) => (s.label.clone(), s.org.clone(), s.person),
                None => (written.unwrap_or_else(|| speaker.label.clone()), org, false),
            },
            kind => (written.unwrap_or_else(|| speaker.label.clone()), org, kind == Kind::Person),
        };
        let mut covers = covered(text, &quotes, cue, &speaker.span, sentence.clone());
        // "... a confirmé cette information": the speaker vouches for the sentence before; so does
        // one whose sentence counts nothing and names that count ("The deaths were confirmed by the coroner").
        let after_cue = text[cue.end..sentence.end].trim_start();
        let counts_nothing = || !counts_in(found, &sentence);
        let names_the_count = || {
            let clause = text[sentence.clone()].to_lowercase();
            lang.sources.counts_named.iter().any(|p| crate::contains_word(&clause, p))
        };
        if lang.sources.points_back.iter().any(|p| crate::starts_with_word(after_cue, p)) || counts_nothing() && names_the_count() {
            let i = found.sentences.partition_point(|r| r.start < sentence.start);
            let same_paragraph = |r: &&Range<usize>| !text[r.start..sentence.start].contains('\n');
            if let Some(previous) = i.checked_sub(1).and_then(|p| found.sentences.get(p)).filter(same_paragraph) {
                covers.start = covers.start.min(previous.start);
            }
        }
        out.push(Speech { cue: cue.clone(), label, org, span: speaker.span.clone(), covers, how, anonymous: false, person });
    }
    out
}

/// "a précisé l'institut" after "l'Institut national de gestion des risques (INGD)", "the
/// service said" after "the Mountain Rescue Service": a descriptor that is only the head
/// word of an organisation named before stands for it.
fn named_again<'c>(lang: &Language, text: &str, candidates: &'c [Candidate], span: &Range<usize>) -> Option<&'c Candidate> {
    let noun = text[span.clone()].to_lowercase();
    if !listed(&lang.sources.org_heads, &noun) {
        return None;
    }
    let before = &candidates[..candidates.partition_point(|c| c.span.start < span.start)];
    before
        .iter()
        .rev()
        .filter(|c| c.kind == Kind::Organisation)
        .find(|c| text[c.span.clone()].split(|ch: char| !ch.is_alphanumeric()).any(|w| w.to_lowercase() == noun))
}

/// "según el ministro", "according to the minister's toll": a descriptor that is only a
/// title names the person named with that title last before it, within `TITLE_REACH_WORDS`,
/// among the last `TITLE_PERSONS_BACK` persons named (a text of thousands of names stays linear).
fn titled_person<'c>(lang: &Language, text: &str, candidates: &'c [Candidate], descriptor: &Range<usize>) -> Option<&'c Candidate> {
    let s = &lang.sources;
    let words = crate::names::words(text, descriptor.clone());
    // "minister's toll": the possessive splits off as "s".
    let mut kept = words.iter().map(|w| w.lower.as_str()).filter(|w| *w != "s" && !listed(&s.tallies, w) && !listed(&s.reports, w));
    let title = kept.next().filter(|w| listed(&s.titles, w))?;
    if kept.next().is_some() {
        return None;
    }
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    // The title stands among the few words on either side of the name: "el ministro de Salud de Rusia, NAME".
    // The words are read from a slice of 16 bytes a word, more than most words take.
    let reach = |c: &Candidate| {
        let before = crate::names::words(text, floor(c.span.start.saturating_sub(TITLE_REACH_WORDS * 16))..c.span.start);
        let after = crate::names::words(text, c.span.end..floor((c.span.end + TITLE_REACH_WORDS * 16).min(text.len())));
        before.into_iter().rev().take(TITLE_REACH_WORDS).chain(after.into_iter().take(TITLE_REACH_WORDS)).any(|w| w.lower == title)
    };
    let before = candidates.partition_point(|c| c.span.start < descriptor.start);
    candidates[..before]
        .iter()
        .rev()
        .filter(|c| c.kind == Kind::Person && c.span.end <= descriptor.start)
        .take(TITLE_PERSONS_BACK)
        .find(|c| reach(c))
}

/// The account that signs an embedded post speaks for it: "... pic.twitter.com/x —
/// Rescue Network (@RescueNet) June 22, 2022".
fn signatures(text: &str, posts: &[Post], lexicon: &[SourceMention]) -> Vec<Speech> {
    posts
        .iter()
        .map(|post| {
            let span = post.name.clone();
            let known = lexicon.iter().find(|m| m.span.start >= span.start && m.span.end <= span.end);
            let label = known.map_or_else(|| text[span.clone()].to_string(), |m| m.label.clone());
            Speech {
                cue: post.signature.clone(),
                label,
                org: None,
                span,
                covers: post.text.clone(),
                how: "the signature of an embedded post",
                anonymous: false,
                person: false,
            }
        })
        .collect()
}

/// "Il n'y a, officiellement, que 21 morts", "Voilà le bilan officiel": a count said to be official is
/// that of the institution the phrase names in the lists (the country's authorities), for its sentence,
/// or for the sentence before in its paragraph when its own counts nothing.
fn official_counts(text: &str, found: &Found, lexicon: &[SourceMention]) -> Vec<Speech> {
    let counts = |r: &Range<usize>| counts_in(found, r);
    let mut out = Vec::new();
    for named in lexicon.iter().filter(|m| m.official) {
        let Some(sentence) = sentence_of(&found.sentences, &named.span) else { continue };
        let before = || {
            let i = found.sentences.partition_point(|r| r.start < sentence.start);
            let previous = found.sentences.get(i.checked_sub(1)?)?;
            (!text[previous.start..sentence.start].contains('\n') && counts(previous)).then_some(previous.start..sentence.end)
        };
        let Some(covers) = (if counts(&sentence) { Some(sentence.clone()) } else { before() }) else { continue };
        out.push(Speech {
            cue: named.span.clone(),
            label: named.label.clone(),
            org: None,
            span: named.span.clone(),
            covers,
            how: "an official count",
            anonymous: false,
            person: false,
        });
    }
    out
}

/// Whether a figure's number stands in `r` (figures are in text order).
fn counts_in(found: &Found, r: &Range<usize>) -> bool {
    let first = found.figures.partition_point(|f| f.number.start < r.start);
    found.figures.get(first).is_some_and(|f| f.number.start < r.end)
}

/// Whoever a count belongs to speaks for its sentence: "el balance definitivo de
/// la AFAD", "le bilan de l'OSDH", "the ministry's latest toll".
fn owners_of_counts(lang: &Language, text: &str, folded: &vigie_text::Folded, found: &Found, candidates: &[Candidate]) -> Vec<Speech> {
    let s = &lang.sources;
    let mut out = Vec::new();
    for tally in &s.tallies {
        for cue in whole_words_of(text, folded, tally) {
            let Some(sentence) = sentence_of(&found.sentences, &cue) else { continue };
            let here =
                in_sentence(candidates, &sentence).filter(|c| matches!(c.kind, Kind::Organisation | Kind::Role | Kind::Person) && !c.lone);
            // "un décompte de l'AFP", "a Reuters tally": an agency that relays others speaks for its own count.
            let owners = in_sentence(candidates, &sentence)
                .filter(|c| matches!(c.kind, Kind::Organisation | Kind::Role | Kind::Person | Kind::Silent) && !c.lone);
            // "balance definitivo de la AFAD": a few words, the last of which leads to the name.
            let after = owners.clone().filter(|c| c.span.start >= cue.end).find(|c| {
                let gap = &text[cue.end..c.span.start];
                let words: Vec<&str> = gap.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                words_in(gap, false).is_some_and(|n| n <= 3) && words.last().is_some_and(|w| listed(&s.name_joiners, w))
            });
            // "the ministry's latest toll".
            let before = || {
                owners.clone().filter(|c| c.span.end <= cue.start).find(|c| {
                    let gap = &text[c.span.end..cue.start];
                    gap.starts_with("'s ") && words_in(gap, false).is_some_and(|n| n <= 3) || gap == " "
                })
            };
            // "The UN late on Saturday gave a preliminary figure of 320 dead": the subject whose verb gives the count.
            let subject = || {
                let counted = text[cue.end..sentence.end].trim_start();
                // "figure of 320", "cifra provisional de 85".
                let joined = counted.split(' ').take(2).any(|w| listed(&s.name_joiners, w));
                let number_follows = counted.split(' ').take(4).any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
                here.clone().next().filter(|c| {
                    let lead = words_in(&text[sentence.start..c.span.start], true).is_some_and(|n| n <= 1);
                    let gap = (c.span.end <= cue.start).then(|| &text[c.span.end..cue.start]);
                    lead && joined && number_follows && gap.is_some_and(|g| words_in(g, false).is_some_and(|n| n <= TALLY_SUBJECT_WORDS))
                })
            };
            if let Some(owner) = after.or_else(before).or_else(subject) {
                out.push(Speech {
                    cue,
                    label: owner.label.clone(),
                    org: None,
                    span: owner.span.clone(),
                    covers: sentence,
                    how: "the owner of the count",
                    anonymous: false,
                    person: owner.kind == Kind::Person,
                });
            }
        }
    }
    out
}

/// The source of one figure.
pub fn attribute(text: &str, found: &Found, speakers: &Speakers, figure: &RawFigure) -> Option<Attribution> {
    attribute_spoken(text, found, speakers, figure)
        .or_else(|| {
            let official = speakers.official.iter().find(|s| s.covers.contains(&figure.number.start))?;
            Some(Attribution { label: official.label.clone(), org: None, span: official.span.clone(), evidence: Evidence::Official })
        })
        .or_else(|| {
            let s = speakers.credit.as_ref()?;
            Some(Attribution { label: s.label.clone(), org: s.org.clone(), span: s.span.clone(), evidence: Evidence::Article })
        })
}

/// "The regional administration writes about this.", "Así lo informó la alcaldía.": a paragraph that is
/// one attribution, counting nothing and reporting nothing, credits the whole article to its speaker.
fn credits_the_article(sources: &vigie_lang::Sources, text: &str, found: &Found, s: &Speech) -> bool {
    let Some(sentence) = sentence_of(&found.sentences, &s.cue) else { return false };
    // The speaker is named in that sentence, not found back in an earlier one ("he said").
    let inside = |r: &Range<usize>| sentence.start <= r.start && r.end <= sentence.end;
    if s.anonymous || !inside(&s.span) || !inside(&s.cue) || overlaps(&s.span, &s.cue) || counts_in(found, &sentence) {
        return false;
    }
    let paragraph = paragraph_of(text, found, s.cue.start);
    if !text[paragraph.start..sentence.start].trim().is_empty() || !text[sentence.end..paragraph.end].trim().is_empty() {
        return false;
    }
    let speaker_first = s.span.start < s.cue.start;
    let (first, second) = if speaker_first { (&s.span, &s.cue) } else { (&s.cue, &s.span) };
    let rest = [&text[sentence.start..first.start], &text[first.end..second.start], &text[second.end..sentence.end]];
    let mut said: Vec<String> = Vec::new();
    for (k, r) in rest.iter().enumerate() {
        let mut words: Vec<String> =
            r.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        // The speaker's article is the speaker's ("The", "la", "l'").
        if k == usize::from(!speaker_first) && words.last().is_some_and(|w| listed(&sources.referring_determiners, w)) {
            words.pop();
        }
        said.extend(words);
    }
    let said = said.join(" ");
    said.is_empty() || listed(&sources.credits, &said)
}

/// The source of a figure by the speeches bound to cues, the paragraph it stands in and the lede.
fn attribute_spoken(text: &str, found: &Found, speakers: &Speakers, figure: &RawFigure) -> Option<Attribution> {
    let speeches = &speakers.speeches[..];
    let at = figure.number.start;
    let attribution = |s: &Speech, evidence| {
        (!s.anonymous).then(|| Attribution { label: s.label.clone(), org: s.org.clone(), span: s.span.clone(), evidence })
    };
    // Speeches are in the order of their cues, and a speech covers little more than its sentence:
    // the ones that may cover `at` have their cue among the nearest on either side.
    let next = speeches.partition_point(|s| s.cue.start < at);
    let near = &speeches[next.saturating_sub(NEAR_SPEECHES)..(next + NEAR_SPEECHES).min(speeches.len())];
    // "Un nouveau bilan fait état de 158 morts, a indiqué la protection civile": a speaker named beats a report that names no one.
    if let Some(s) = near.iter().filter(|s| s.covers.contains(&at)).min_by_key(|s| (s.anonymous, s.cue.start.abs_diff(at))) {
        return attribution(s, Evidence::Covered);
    }
    let paragraph = paragraph_of(text, found, at);
    let sentence = found.sentences.get(figure.sentence).cloned().unwrap_or(0..0);
    // "Soldiers of the UME rescued 600 people": a sentence naming someone else is about them.
    let other_named = |s: &Speech| {
        let from = speakers.named.partition_point(|(r, _)| r.start < sentence.start);
        speakers.named[from..].iter().take_while(|(r, _)| r.start < sentence.end).any(|(_, l)| *l != s.label)
    };
    // "En outre, 24 civils ...": a connective that adds to the report goes on with it, whoever else it names.
    let adds = || speakers.additives.iter().any(|a| crate::starts_with_word(&text[sentence.clone()], a));
    if let Some(s) = speeches[..next].last().filter(|s| s.cue.start >= paragraph.start && (adds() || !other_named(s))) {
        return attribution(s, Evidence::Paragraph);
    }
    // A paragraph that names no one goes on with the speaker whose toll closed the paragraph
    // before ("Selon les secours, ... 45 morts." then "En outre, 47 personnes ...").
    // Every list searched is sorted by position: each test is a binary search, cheapest first.
    let carried = speeches[..next].last().filter(|s| {
        let breaks = found.line_breaks.partition_point(|&b| b < at) - found.line_breaks.partition_point(|&b| b < s.cue.start);
        // It goes on into the first sentence only: the outlet's own voice takes over after it.
        let opening = text[paragraph.start..sentence.start.max(paragraph.start)].trim().is_empty();
        // No other cue since the speaker's, and none in the figure's paragraph, even one that bound no one.
        let silent = || {
            let after = found.attributions.partition_point(|c| c.start <= s.cue.start);
            found.attributions.get(after).is_none_or(|c| c.start >= at.max(paragraph.end))
        };
        // The speech closes its paragraph: no sentence of that paragraph starts after what it covers.
        let closes = || {
            let own = paragraph_of(text, found, s.cue.start);
            let after = found.sentences.partition_point(|r| r.start <= s.covers.end.max(s.cue.end));
            found.sentences.get(after).is_none_or(|r| r.start >= own.end || r.end > own.end)
        };
        // Only a speaker giving a toll goes on: one who merely spoke does not.
        let counted = || counts_in(found, &s.covers);
        // "El atentado, que se saldó con 200 heridos, ...": a paragraph opened by the event tells of it in the outlet's voice.
        let of_the_event = || {
            let head = crate::names::words(text, sentence.clone());
            head.iter().take(EVENT_SUBJECT_WORDS).any(|w| listed(speakers.event_nouns, &w.lower))
        };
        breaks <= CARRY_PARAGRAPHS && opening && silent() && closes() && counted() && (adds() || !other_named(s) && !of_the_event())
    });
    if let Some(s) = carried {
        return attribution(s, Evidence::Carried);
    }
    // A headline or lede before any attribution anticipates the first one, when it
    // follows shortly ("... 1,037 dead. ..., the ministry said as cited by ..."), even
    // when the lede's own cue names no one ("Ukraine said", "according to official data").
    let first = speeches.first()?;
    let between = found.sentences.partition_point(|r| r.start <= first.cue.start).saturating_sub(figure.sentence + 2);
    // A cue before the figure that bound no one ("informó el organismo" with no body named before) ends the lede.
    let cue_before = found.attributions.first().is_some_and(|c| c.start < sentence.start);
    if at > first.cue.start || between > LEDE_GAP_SENTENCES || cue_before {
        return None;
    }
    attribution(first, Evidence::Lede)
}

/// A sentence whose first words name the event ("El atentado", "Un autre séisme important") is about it.
const EVENT_SUBJECT_WORDS: usize = 3;

/// How many speeches on either side of a figure may cover it: a sentence or a quotation holds few cues.
const NEAR_SPEECHES: usize = 32;

/// The sentence (sorted, disjoint ranges) that holds `span`.
fn sentence_of(sentences: &[Range<usize>], span: &Range<usize>) -> Option<Range<usize>> {
    let i = sentences.partition_point(|s| s.start <= span.start).checked_sub(1)?;
    sentences.get(i).filter(|s| span.end <= s.end).cloned()
}

/// The candidates (sorted by start) that stand inside `sentence`, found by binary search:
/// an article with thousands of names and cues stays linear.
fn in_sentence<'c>(candidates: &'c [Candidate], sentence: &Range<usize>) -> impl Iterator<Item = &'c Candidate> + Clone {
    let from = candidates.partition_point(|c| c.span.start < sentence.start);
    let end = sentence.end;
    candidates[from..].iter().take_while(move |c| c.span.start < end).filter(move |c| c.span.end <= end)
}

/// The lines of clean text are its paragraphs: the one holding `at`, found
/// among the line breaks of `found` by binary search.
pub(crate) fn paragraph_of(text: &str, found: &Found, at: usize) -> Range<usize> {
    let i = found.line_breaks.partition_point(|&b| b < at);
    let start = i.checked_sub(1).map_or(0, |p| found.line_breaks[p] + 1);
    let end = found.line_breaks.get(i).copied().unwrap_or(text.len());
    start..end
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every phrase that may speak: the lists' sources, the names of the text, and subject pronouns.
fn candidates(lang: &Language, text: &str, folded: &vigie_text::Folded, lexicon: &[SourceMention], names: &[Name]) -> Vec<Candidate> {
    // The lists name first. Both lists are in text order: overlaps are found by binary search.
    let mut lexical: Vec<Candidate> = lexicon
        .iter()
        .filter(|m| !m.official)
        .map(|m| Candidate {
            span: m.span.clone(),
            label: m.label.clone(),
            kind: if m.silent {
                Kind::Silent
            } else if m.refers_back {
                Kind::Anaphora
            } else if m.named {
                Kind::Organisation
            } else {
                Kind::Role
            },
            lone: false,
            relayed_from: None,
        })
        .collect();
    lexical.sort_by_key(|c| c.span.start);
    // The lexical candidates that overlap `span`: those starting before its end, back to the first ending after its start.
    let overlapping = |lexical: &[Candidate], span: &Range<usize>| -> Range<usize> {
        let end = lexical.partition_point(|c| c.span.start < span.end);
        let mut start = end;
        while start > 0 && lexical[start - 1].span.end > span.start && end - start < MAX_OVERLAPS {
            start -= 1;
        }
        start..end
    };
    // "State Emergency Service" says more than the role "emergency service" inside it,
    // unless what it adds is a place ("Ministerio del Interior de Marruecos": the lists add the country).
    let more_specific = |n: &Name, c: &Candidate| {
        c.kind == Kind::Role
            && n.span.start <= c.span.start
            && c.span.end <= n.span.end
            && n.span.len() > c.span.len()
            && !places_only(lang, &text[n.span.start..c.span.start]) | !places_only(lang, &text[c.span.end..n.span.end])
    };
    let mut outranked = vec![false; lexical.len()];
    // "Dnipropetrovsk Regional Military Administration": a name that only adds a place to the role
    // inside it is that role, written in full.
    let mut written_in_full: Vec<(usize, Range<usize>)> = Vec::new();
    for n in names.iter().filter(|n| n.kind == NameKind::Organisation) {
        for i in overlapping(&lexical, &n.span) {
            let c = &lexical[i];
            outranked[i] |= more_specific(n, c);
            if !outranked[i] && c.kind == Kind::Role && n.span.start <= c.span.start && c.span.end <= n.span.end {
                written_in_full.push((i, n.span.clone()));
            }
        }
    }
    for (i, span) in written_in_full {
        lexical[i].span = span;
    }
    let mut kept = outranked.iter();
    lexical.retain(|_| !kept.next().copied().unwrap_or(false));
    lexical.sort_by_key(|c| c.span.start);
    let mut out: Vec<Candidate> = Vec::with_capacity(lexical.len() + names.len());
    for n in names {
        // "la provincia de Herat", "Khost province": a place, never a speaker.
        if n.kind == NameKind::Single && named_area(lang, text, &n.span) {
            continue;
        }
        if overlapping(&lexical, &n.span).is_empty() {
            let kind = match n.kind {
                NameKind::Person => Kind::Person,
                NameKind::Outlet => Kind::Silent,
                NameKind::Organisation | NameKind::Single => Kind::Organisation,
            };
            out.push(Candidate {
                span: n.span.clone(),
                label: n.label.clone(),
                kind,
                lone: n.kind == NameKind::Single,
                relayed_from: None,
            });
        }
    }
    out.append(&mut lexical);
    for p in &lang.sources.pronouns {
        for span in whole_words_of(text, folded, p) {
            out.push(Candidate { span, label: String::new(), kind: Kind::Pronoun, lone: false, relayed_from: None });
        }
    }
    out.sort_by_key(|c| c.span.start);
    // "cité par l'agence Tass", "were quoted by AP": the outlet that relays never speaks.
    for c in &mut out {
        c.relayed_from = relay_before(lang, text, c.span.start).map(|r| r.start);
        if c.relayed_from.is_some() {
            c.kind = Kind::Silent;
        }
    }
    out
}

/// The relay phrase that stands a few words before `at` ("citado por la agencia TASS"), if one does.
fn relay_before(lang: &Language, text: &str, at: usize) -> Option<Range<usize>> {
    let mut from = at.saturating_sub(RELAY_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    let starts = window.char_indices().filter(|&(i, _)| i == 0 || window[..i].ends_with(char::is_whitespace)).map(|(i, _)| i);
    starts
        .filter_map(|i| {
            let r = lang.sources.relays.iter().find(|r| window[i..].get(..r.len()).is_some_and(|h| h.to_lowercase() == **r))?;
            let rest = &window[i + r.len()..];
            words_in(rest, false).is_some_and(|n| n <= RELAY_WORDS).then_some(from + i..from + i + r.len())
        })
        .next_back()
}

/// Whether a kind of area names the word at `span`: "la provincia de X",
/// "the province of X", "X province".
fn named_area(lang: &Language, text: &str, span: &Range<usize>) -> bool {
    let kinds = &lang.figures.place_kinds;
    let joiners = &lang.sources.name_joiners;
    let before = text[..span.start].split(|c: char| !c.is_alphanumeric()).rev().filter(|w| !w.is_empty());
    let kind_before = before.take(3).find(|w| !listed(joiners, w)).is_some_and(|w| listed(kinds, w));
    let after = text[span.end..].split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
    kind_before || after.is_some_and(|w| listed(kinds, w))
}

/// The most lexical mentions one name may overlap: a name is a few words.
const MAX_OVERLAPS: usize = 16;
/// How far back (bytes) a name looks for the relay phrase before it ("citado por la agencia").
const RELAY_REACH: usize = 40;
/// How many words (an article, "agency") may stand between a relay phrase and the outlet's name.
const RELAY_WORDS: usize = 2;

/// Whether the capitalised words of `text` all name countries, regions or
/// big cities (true when there are none): "de Marruecos" adds a place, "Federal" does not.
fn places_only(lang: &Language, text: &str) -> bool {
    use vigie_lang::world::{gazetteer, PlaceKind};
    let country = |w: &str| lang.sources.countries.values().any(|words| listed(words, w));
    let notable = |w: &str| {
        gazetteer().lookup(w).iter().any(|&p| {
            let p = gazetteer().place(p);
            p.kind != PlaceKind::City || p.population >= NOTABLE_PLACE_POPULATION
        })
    };
    text.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| w.starts_with(char::is_uppercase)).all(|w| country(w) || notable(w))
}

/// A city this big is a place a name may add ("Ministry of Health of Lagos"); smaller ones share names with words.
const NOTABLE_PLACE_POPULATION: u64 = 100_000;

/// Whether `word` is one of `list` in any case, Unicode included ("Región", "État"): the lists are lower case, a text may not be.
fn listed(list: &[String], word: &str) -> bool {
    if word.is_ascii() {
        return list.iter().any(|l| l.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    list.contains(&lower)
}

/// Where the lower-case `phrase` stands as whole words in `text`, in any case ("il", "Il").
fn whole_words_of<'a>(text: &'a str, folded: &'a vigie_text::Folded, phrase: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    folded
        .text()
        .match_indices(phrase)
        .map(move |(at, _)| folded.original(at..at + phrase.len()))
        .filter(move |span| crate::whole_words(text, span.clone()))
}

/// `gap` without the dots of abbreviated titles ("according to Lt. NAME", "dijo el Dr. NAME"),
/// which end no sentence. A gap without a dot is returned as it is.
fn without_title_dots<'g>(lang: &Language, gap: &'g str) -> std::borrow::Cow<'g, str> {
    if !gap.contains('.') {
        return std::borrow::Cow::Borrowed(gap);
    }
    let mut out = String::with_capacity(gap.len());
    let mut word_start = 0;
    for (i, c) in gap.char_indices() {
        let word = &gap[word_start..i];
        if !c.is_alphanumeric() {
            word_start = i + c.len_utf8();
        }
        if c == '.' && !word.is_empty() && listed(&lang.sources.titles, word) {
            continue;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// How many words stand in `gap`, or `None` when it ends a clause (a stop,
/// a colon, a quotation mark; a comma too unless `commas` may stand there).
fn words_in(gap: &str, commas: bool) -> Option<usize> {
    if gap.contains(['.', ';', ':', '!', '?', '"', '\n', '(', ')']) || !commas && gap.contains(',') {
        return None;
    }
    Some(gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count())
}

/// The candidate a cue governs: after "selon"; after an inverted verb
/// ("a indiqué le ministère"), else its subject before it. Between the two
/// stand at most two words ("a précisé samedi le"), or a phrase whose last
/// word leads to a name ("selon un bilan fourni par l'", "informó el director del").
/// A name after "told", "sur", "a" is whom or where one speaks.
fn bind<'c>(
    lang: &Language,
    text: &str,
    cue: &Range<usize>,
    here: &[&'c Candidate],
    sentence: &Range<usize>,
    follows: bool,
) -> Option<(&'c Candidate, &'static str)> {
    let s = &lang.sources;
    let last_word = |gap: &str| gap.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).map(str::to_lowercase);
    let is_one_of = |w: &Option<String>, list: &[String]| w.as_ref().is_some_and(|w| listed(list, w));
    let cue_last = last_word(&text[cue.clone()]);
    // "a indiqué à l'AFP NAME": the outlet spoken to stands between the verb and its inverted subject.
    let addressee = here.iter().filter(|c| c.kind == Kind::Silent && c.span.start >= cue.end).find(|c| {
        let gap = &text[cue.end..c.span.start];
        let first = gap.split(|ch: char| !ch.is_alphanumeric()).find(|w| !w.is_empty()).map(str::to_lowercase);
        is_one_of(&first, &s.not_speaker_after) && words_in(gap, false).is_some_and(|n| n <= 3)
    });
    // "a précisé sur la messagerie Telegram NAME": the medium spoken on, a capitalised name after "on", "sur", "en".
    // "de acuerdo con el Servicio de Salud": after a cue whose speaker follows, its last word is no medium's preposition.
    let medium = || {
        if follows {
            return None;
        }
        let rest = &text[cue.end..sentence.end];
        let mut words = rest.split_whitespace();
        // The preposition may close the cue itself ("wrote on").
        if !is_one_of(&cue_last, &s.not_speaker_after) {
            let first = words.next()?.to_lowercase();
            if !listed(&s.not_speaker_after, &first) {
                return None;
            }
        }
        let name = words.take(MEDIUM_WORDS).find(|w| w.starts_with(char::is_uppercase))?;
        let at = rest.find(name)? + name.len();
        Some(cue.end + at)
    };
    let spoken_from = addressee.map(|c| c.span.end).or_else(medium).unwrap_or(cue.end);
    // The relayed outlet right before the cue: from where its relay phrase starts to where the outlet ends.
    let relay = here
        .iter()
        .filter(|c| c.span.end <= cue.start && words_in(&text[c.span.end..cue.start], false) == Some(0))
        .find_map(|c| Some((c.relayed_from?, c.span.end)));
    let here: Vec<&'c Candidate> = here.iter().copied().filter(|c| c.kind != Kind::Silent).collect();
    // "told the BBC": whom one speaks to.
    let tells = is_one_of(&cue_last, &s.tells);
    // "according to the Moscow Region's Health Ministry": the possessor qualifies, the possessed speaks.
    let possessor = |c: &Candidate| {
        let rest = &text[c.span.end..];
        let owned = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s "));
        owned.is_some_and(|r| here.iter().any(|o| o.span.start == c.span.end + (rest.len() - r.len()) && o.kind != Kind::Pronoun))
    };
    let after = here.iter().filter(|c| c.span.start >= spoken_from && !tells && !possessor(c)).find_map(|c| {
        let gap = &without_title_dots(lang, &text[spoken_from..c.span.start]);
        // "a annoncé le chef de l'administration de X, NAME": a role, then the name in apposition.
        let apposition = gap.trim_end().ends_with(',') && gap.matches(',').count() == 1;
        let n = words_in(gap, apposition)?;
        if apposition && c.kind != Kind::Person {
            return None;
        }
        let before_name = if n == 0 && addressee.is_none() { cue_last.clone() } else { last_word(gap) };
        // "a déclaré à l'AFP": the word before the name, or the one before its article.
        let lead_in: Vec<String> = gap.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        if lead_in.iter().rev().take(2).any(|w| listed(&s.not_speaker_after, w)) {
            return None;
        }
        // "manifestó que el hospital del IMSS ...", "se habían reportado dos muertos y que el hospital":
        // past "que" stands what was said.
        if lead_in.iter().any(|w| listed(&s.reported_clause, w)) {
            return None;
        }
        let leads = is_one_of(&before_name, &s.name_joiners) || is_one_of(&before_name, &s.agents);
        // After "according to" the whole phrase is the speaker's: "the country's disaster agency AFAD".
        let described = follows && !c.lone && !gap.contains(',');
        // "a déclaré le vice-président turc NAME": a title and its qualifiers lead to the name.
        let titled = c.kind == Kind::Person && !gap.contains(',') && lead_in.iter().any(|w| listed(&s.titles, w));
        (n <= 2 || (leads || apposition || described || titled) && n <= SPEAKER_REACH_WORDS).then_some((*c, n))
    });
    if follows {
        return after.map(|(c, _)| (c, "after the cue"));
    }
    // "..., the ministry said": a comma may close the figure's clause before the subject, not stand inside it.
    let opens_sentence = |c: &Candidate| {
        here.first().is_some_and(|first| first.span == c.span)
            && words_in(&text[sentence.start..c.span.start], true).is_some_and(|n| n <= 2)
    };
    // "NAME, the head of the rescue service in X, said": a person past its apposition, whatever the role names;
    // at the head of its sentence, the role may run on to the verb with no closing comma.
    let past_apposition = here.iter().rev().filter(|c| c.kind == Kind::Person && c.span.end <= cue.start).find(|c| {
        let gap = without_acronym(&text[c.span.end..cue.start]);
        let closed = gap.trim_end().ends_with(',') && gap.matches(',').count() == 2;
        let open = gap.matches(',').count() == 1 && opens_sentence(c);
        gap.starts_with(',') && (closed || open) && words_in(&gap, true).is_some_and(|n| (1..=APPOSITION_REACH_WORDS).contains(&n))
    });
    if let Some(person) = past_apposition {
        return Some((*person, SUBJECT_PAST_APPOSITION));
    }
    // "el Ministerio de Salud de Gaza, controlado por Hamás, elevó": the agent of an aside is no subject,
    // nor is a complement ("aliado del régimen de NAME, precisó"), nor the body a named person works for
    // ("NAME of the Lakeside news agency said": the person speaks).
    let agent = |c: &Candidate| {
        let before = &text[sentence.start..c.span.start];
        let prefix = s.place_prefixes.iter().find(|p| crate::ends_with_word(before, p));
        let of_person = prefix.is_some_and(|p| {
            let head = before_prefix(before, p);
            here.iter().any(|o| o.kind == Kind::Person && o.span.end == sentence.start + head.len())
        });
        is_one_of(&last_word(before), &s.agents) || prefix.is_some() && c.kind == Kind::Person || of_person
    };
    // "Health officials were quoted by AP as saying": the relay and its outlet stand aside.
    let relayed = |from: usize| relay.filter(|&(start, _)| start >= from).map(|(start, _)| &text[from..start]);
    let before = here.iter().rev().filter(|c| c.span.end <= cue.start && !agent(c)).find_map(|c| {
        let gap = without_verb_leads(lang, relayed(c.span.end).unwrap_or(&text[c.span.end..cue.start]));
        let gap = without_acronym(gap);
        let bare = gap.trim_matches(|ch: char| ch == ',' || ch.is_whitespace()).is_empty();
        // "the rescue service, which counts the dead, said": an organisation past a clause.
        let apposition = gap.starts_with(',') && gap.trim_end().ends_with(',') && gap.matches(',').count() == 2;
        // "the mayor of the resort city said", "Officials in the region, where 92 died, said": a role and its complement;
        // "NAME of the Kivu news agency said": a person and whom they work for.
        let complement = matches!(c.kind, Kind::Role | Kind::Person)
            && s.place_prefixes.iter().any(|p| gap.trim_start().starts_with(p.as_str()))
            && (!gap.contains(',') || gap.trim_end().ends_with(',') && gap.matches(',').count() == 2);
        let most = if apposition || complement { SPEAKER_REACH_WORDS } else { 2 };
        // "sur l'île de X, ont annoncé les secouristes": a lone comma parts no subject from its verb.
        let n_of = |n: usize| if bare && gap.contains(',') { 2 } else { n.min(2) };
        words_in(&gap, bare || apposition || complement).filter(|&n| n <= most).map(|n| (*c, n_of(n), complement && !bare))
    });
    // "la Secretaría de Protección Civil del gobierno del estado reportó": the body nearest the
    // verb is the complement of a named body before it, which speaks.
    let head_of = |c: &'c Candidate| {
        let mut at = c;
        while let Some(h) = qualified_by(lang, text, &here, sentence.start, at) {
            at = h;
        }
        at
    };
    let subject = |c: &'c Candidate, how: &'static str| {
        let head = head_of(c);
        Some(if head.span == c.span { (c, how) } else { (head, SUBJECT_QUALIFIED_BY_COMPLEMENT) })
    };
    match (after, before) {
        // "The governor said rescuers had found 9": a subject right before its verb is no inverted one's object.
        (_, Some((c, 0, _))) if !follows => subject(c, "subject"),
        (Some((c, n)), _) if n <= 1 => Some((c, "inverted subject")),
        (_, Some((c, n, _))) if n <= 1 => subject(c, "subject"),
        (Some((c, _)), _) => Some((c, "inverted subject")),
        (None, Some((c, _, true))) => subject(c, SUBJECT_WITH_COMPLEMENT),
        (None, Some((c, _, false))) => subject(c, "subject"),
        (None, None) => None,
    }
}

/// The named body that `c` is the complement of ("Dirección de Protección Civil del gobierno"):
/// it ends right before an "of" that opens `c`.
fn qualified_by<'c>(lang: &Language, text: &str, here: &[&'c Candidate], sentence_start: usize, c: &Candidate) -> Option<&'c Candidate> {
    if !matches!(c.kind, Kind::Organisation | Kind::Role) {
        return None;
    }
    // "of the county government": a few lower-case words may qualify the body after its "of".
    let mut before = &text[sentence_start..c.span.start];
    for _ in 0..=COMPLEMENT_MODIFIER_WORDS {
        if let Some(prefix) = lang.sources.place_prefixes.iter().find(|p| crate::ends_with_word(before, p)) {
            let head_end = sentence_start + before_prefix(before, prefix).len();
            return here.iter().copied().find(|h| h.span.end == head_end && h.kind == Kind::Organisation && !h.lone);
        }
        let trimmed = before.trim_end_matches(' ');
        let word = trimmed.rsplit(' ').next().filter(|w| !w.is_empty() && w.chars().all(char::is_lowercase))?;
        before = &trimmed[..trimmed.len() - word.len()];
    }
    None
}

const SUBJECT_PAST_APPOSITION: &str = "subject past its apposition";
/// What stands before the "of" that ends `before` ("... Civil del " gives "... Civil"), trimmed.
fn before_prefix<'b>(before: &'b str, prefix: &str) -> &'b str {
    let trimmed = before.trim_end();
    trimmed[..trimmed.len() - prefix.trim_end().len()].trim_end()
}

const SUBJECT_QUALIFIED_BY_COMPLEMENT: &str = "subject qualified by its complement";
const DESCRIPTOR_AFTER_CUE: &str = "a descriptor after the cue";
const DESCRIPTOR_BEFORE_VERB: &str = "a descriptor before the verb";

impl Speech {
    /// Whether the speaker is a descriptor kept as written ("local funeral homes"): no "he".
    fn is_descriptor(&self) -> bool {
        matches!(self.how, DESCRIPTOR_AFTER_CUE | DESCRIPTOR_BEFORE_VERB)
    }
}
const SUBJECT_WITH_COMPLEMENT: &str = "subject with its complement";

/// A gap between a subject and its verb without the acronym that follows a
/// name: "la Oficina de Coordinación (OCHA) registró", "l'OMS) a fait état".
/// `gap` without the auxiliaries and adverbs that end it, which are its verb's ("NAME, avait plus tôt évoqué").
fn without_verb_leads<'g>(lang: &Language, gap: &'g str) -> &'g str {
    let mut rest = gap.trim_end();
    while let Some(lead) = lang.sources.verb_leads.iter().filter(|l| crate::ends_with_word(rest, l)).max_by_key(|l| l.len()) {
        rest = rest[..rest.len() - lead.len()].trim_end();
    }
    rest
}

fn without_acronym(gap: &str) -> std::borrow::Cow<'_, str> {
    let gap = gap.strip_prefix(')').unwrap_or(gap);
    match (gap.find('('), gap.find(')')) {
        (Some(open), Some(close)) if open < close && words_in(&gap[open + 1..close], false).is_some_and(|n| n <= 1) => {
            format!("{}{}", &gap[..open], &gap[close + 1..]).into()
        }
        _ => gap.into(),
    }
}

/// The noun phrase right after a cue, when no name stands there: "selon les
/// enquêteurs russes", "said hospital officials". Articles are left out; it
/// ends at a clause break or a function word ("qui", "that"), and a report
/// ("selon un bilan provisoire") is what was said, not who said it.
fn descriptor(lang: &Language, text: &str, cue: &Range<usize>, sentence: &Range<usize>, follows: bool) -> Option<Range<usize>> {
    let words = crate::names::words(text, cue.end..sentence.end);
    let s = &lang.sources;
    let is = |w: &crate::names::Word, list: &[String]| listed(list, &w.lower);
    let calendar = |w: &crate::names::Word| lang.dates.months.iter().chain(&lang.dates.weekdays).any(|forms| listed(forms, &w.lower));
    let mut i = 0;
    while i < words.len() && is(&words[i], &s.name_joiners) && i < 2 {
        i += 1;
    }
    // After a verb, only an article then a noun is its inverted subject ("affirment des responsables"),
    // or a bare plural of those who give counts ("dijeron funcionarios rusos", "said officials").
    if !follows && i == 0 && !words.first().is_some_and(|w| is(w, &s.speaker_heads)) {
        return None;
    }
    // "selon un nouveau bilan": an article before the report.
    let article = |w: &crate::names::Word| lang.lexicon.rank(&w.lower).is_some_and(|r| r < DESCRIPTOR_FUNCTION_RANK);
    if follows && words.get(i).is_some_and(article) && words.get(i + 1).is_some_and(|w| is(w, &s.reports)) {
        i += 1;
    }
    // "selon les dernières données du ministère", "according to the latest figures from the agency": whose report it is.
    if follows && words.get(i).is_some_and(|w| is(w, &s.reports)) {
        let mut j = i;
        while j < words.len() && j - i < MAX_REPORT_WORDS && (is(&words[j], &s.reports) || is(&words[j], &s.name_joiners)) {
            j += 1;
        }
        // "selon un nouveau bilan publié vendredi par le ministère": a participle, maybe a day, then its agent.
        let agent_at = (j + 1..(j + 3).min(words.len()))
            .find(|&a| is(&words[a], &s.agents))
            .filter(|&a| !words[j].capital && words[j + 1..a].iter().all(calendar) && !is(&words[j], &s.name_joiners));
        let owned = words.get(j).is_some_and(|w| is(w, &s.not_speaker_after))
            || agent_at.is_some()
            || j > i && is(&words[j - 1], &s.name_joiners) && !is(&words[j - 1], &s.reports);
        let owner_at = match agent_at {
            Some(a) => a + 1,
            None if words.get(j).is_some_and(|w| is(w, &s.not_speaker_after)) => j + 1,
            None => j,
        };
        if !owned {
            return None;
        }
        i = owner_at;
        while i < words.len() && is(&words[i], &s.name_joiners) && i - owner_at < 2 {
            i += 1;
        }
    }
    let first = words.get(i).filter(|w| !calendar(w))?;
    let unbroken = text[cue.end..first.span.start].chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '\'');
    if !unbroken || is(first, &s.reports) || is(first, &s.not_speaker_after) {
        return None;
    }
    let function =
        |w: &crate::names::Word| lang.lexicon.rank(&w.lower).is_some_and(|r| r < DESCRIPTOR_FUNCTION_RANK) && !is(w, &s.name_joiners);
    if function(first) || first.lower.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut last = i;
    while last + 1 < words.len() && last + 1 - i < DESCRIPTOR_WORDS {
        let next = &words[last + 1];
        let gap = &text[words[last].span.end..next.span.start];
        let medium = is(next, &s.not_speaker_after);
        // "el balance del ministro recogido por la agencia": a participle and its agent end the phrase.
        let participle = !next.capital && words.get(last + 2).is_some_and(|w| is(w, &s.agents));
        if !gap.chars().all(|c| c == ' ' || c == '\'')
            || participle
            || function(next)
            || calendar(next)
            || medium
            || next.lower.chars().any(|c| c.is_ascii_digit())
        {
            break;
        }
        last += 1;
    }
    // A phrase does not end on "de", "of".
    while last > i && is(&words[last], &s.name_joiners) {
        last -= 1;
    }
    Some(first.span.start..words[last].span.end)
}

/// Where the common words right before a noun start ("hospital" in "hospital
/// officials"): lower-case content words, no article, joiner, report or name
/// (a capital may be a country: "Mexican authorities").
fn modifiers_before(lang: &Language, text: &str, noun: usize, sentence_start: usize) -> Option<usize> {
    let s = &lang.sources;
    let words = crate::names::words(text, sentence_start..noun);
    let function = |w: &crate::names::Word| frequent(lang, w, DESCRIPTOR_FUNCTION_RANK);
    let mut start = None;
    let mut end = noun;
    for w in words.iter().rev().take(DESCRIPTOR_WORDS) {
        let modifier = text[w.span.end..end].chars().all(|c| c == ' ')
            && !function(w)
            && !w.capital
            && !listed(&s.name_joiners, &w.lower)
            && !listed(&s.reports, &w.lower)
            && !w.lower.chars().any(|c| c.is_ascii_digit());
        if !modifier {
            break;
        }
        (start, end) = (Some(w.span.start), w.span.start);
    }
    start
}

/// A descriptor as a label: as written, its first word in lower case when
/// only the sentence's start capitalised it ("Hospital officials").
fn as_label(text: &str, span: &Range<usize>, sentence_start: usize) -> String {
    let written = &text[span.clone()];
    let opens_sentence = text[sentence_start..span.start].trim().is_empty();
    let mut words = written.splitn(2, ' ');
    match (opens_sentence, words.next(), words.next()) {
        (true, Some(first), rest) if first.chars().skip(1).all(char::is_lowercase) => {
            let lowered = first.to_lowercase();
            rest.map_or(lowered.clone(), |rest| format!("{lowered} {rest}"))
        }
        _ => written.to_string(),
    }
}

/// The noun phrase right before a reporting verb, when no name stands there:
/// "The state railway company said", "los médicos del hospital informaron".
/// It starts after its article or at its clause's start, and one of its words
/// names a body or people who speak (`org_heads`, `speaker_heads`).
fn subject_descriptor(lang: &Language, text: &str, cue: &Range<usize>, sentence: &Range<usize>) -> Option<Range<usize>> {
    let clause_start = text[sentence.start..cue.start]
        .rfind([',', ';', ':', '"', '«', '»', '“', '”', '(', ')'])
        .map_or(sentence.start, |at| sentence.start + at + 1);
    let words = crate::names::words(text, clause_start..cue.start);
    let s = &lang.sources;
    let head = words.last().filter(|w| text[w.span.end..cue.start].trim().is_empty())?;
    // "des médias locaux ont fait état de": the auxiliary of a verb the cue begins inside is no part of it.
    let words = &words[..words.len() - usize::from(frequent(lang, head, AUXILIARY_RANK) && words.len() > 1)];
    let head = words.last()?;
    let function = |w: &crate::names::Word| frequent(lang, w, DESCRIPTOR_FUNCTION_RANK);
    let mut first = words.len() - 1;
    while first > 0 && words.len() - first < DESCRIPTOR_WORDS {
        let word = &words[first - 1];
        let gap = &text[word.span.end..words[first].span.start];
        if !gap.chars().all(|c| c == ' ' || c == '\'') || word.lower.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        // "the head of the rescue service": a joiner stands inside the phrase, an article before it.
        if function(word) && !(listed(&s.name_joiners, &word.lower) && first >= 2 && !function(&words[first - 2])) {
            break;
        }
        first -= 1;
    }
    while first < words.len() - 1 && listed(&s.name_joiners, &words[first].lower) {
        first += 1;
    }
    // A name the lists or the text know would have been bound: what is left is common words,
    // one of them for a body or people who speak ("médicos del hospital", "state railway company").
    let speaks = words[first..].iter().any(|w| listed(&s.org_heads, &w.lower) || listed(&s.speaker_heads, &w.lower));
    // "the Goma-based group said": the noun of a phrase that refers back ("the group") refers back,
    // unless an indefinite article makes it new ("a hospital source").
    let indefinite = first.checked_sub(1).is_some_and(|a| listed(&lang.numbers.articles, &words[a].lower));
    // Common words before the head make it a body of its own: "the provincial disaster agency said".
    // ("the Goma-based group" still refers back: its word opens with a capital).
    let modified = words[first..words.len() - 1]
        .iter()
        .any(|w| !text[w.span.clone()].starts_with(char::is_uppercase) && !listed(&s.name_joiners, &w.lower));
    let refers_back = !indefinite && !modified && s.anaphora.keys().any(|a| a.rsplit(' ').next() == Some(head.lower.as_str()));
    (speaks && !refers_back).then(|| words[first].span.start..head.span.end)
}

/// The institution a role described after a cue belongs to: the first one the
/// lists know, else the first named, in a chain of complements right after
/// it ("à la direction générale ... au ministère de l'Intérieur").
fn institution_of<'c>(lang: &Language, text: &str, role: &Range<usize>, here: &[&'c Candidate]) -> Option<&'c Candidate> {
    let s = &lang.sources;
    let chain: Vec<&'c Candidate> = here
        .iter()
        .copied()
        .filter(|c| c.span.start >= role.end && matches!(c.kind, Kind::Role | Kind::Organisation) && !c.lone)
        .take_while(|c| {
            let gap = &text[role.end..c.span.start];
            let first = gap.split(|ch: char| !ch.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
            (listed(&s.name_joiners, first) || listed(&s.not_speaker_after, first))
                && words_in(gap, false).is_some_and(|n| n <= DESCRIPTOR_WORDS)
        })
        .collect();
    chain.iter().find(|c| c.kind == Kind::Role).or(chain.first()).copied()
}

/// The most words of a report's name before its owner ("les derniers chiffres provisoires de").
const MAX_REPORT_WORDS: usize = 5;

/// Words this common end a descriptor ("qui", "that", "a").
const DESCRIPTOR_FUNCTION_RANK: u32 = 60;
/// Whether `word` is among the `rank` most frequent words of the language.
fn frequent(lang: &Language, word: &crate::names::Word, rank: u32) -> bool {
    lang.lexicon.rank(&word.lower).is_some_and(|r| r < rank)
}

/// Words this common right before a reporting verb are its auxiliary ("ont", "han", "have").
const AUXILIARY_RANK: u32 = 100;
/// The most words of a descriptor ("chef de l'administration militaire de X").
const DESCRIPTOR_WORDS: usize = 8;

/// The person named in apposition to a role: "NAME, the governor of X, said",
/// "the governor, NAME,", "le ministre de la Santé, NAME".
fn apposed_person<'c>(
    lang: &Language,
    text: &str,
    here: &[&'c Candidate],
    chosen: &Candidate,
    cue: &Range<usize>,
) -> Option<&'c Candidate> {
    if !matches!(chosen.kind, Kind::Role | Kind::Organisation) {
        return None;
    }
    // Never across the cue: "NAME, a précisé la même source" is no apposition.
    let beyond_cue =
        |c: &Candidate| c.span.end <= cue.start && chosen.span.start >= cue.end || c.span.start >= cue.end && chosen.span.end <= cue.start;
    let here: Vec<&'c Candidate> = here.iter().copied().filter(|c| !beyond_cue(c)).collect();
    let before = here.iter().rev().filter(|c| c.kind == Kind::Person && c.span.end <= chosen.span.start).find(|c| {
        let gap = &text[c.span.end..chosen.span.start];
        gap.starts_with(',') && gap.matches(',').count() == 1 && words_in(gap, true).is_some_and(|n| n <= SPEAKER_REACH_WORDS)
    });
    // "la gouverneure de l'état de Guerrero Evelyn Salgado": the role's place, then the name.
    let of_place = |gap: &str| {
        let words: Vec<&str> = gap.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        words.len() <= ROLE_PLACE_WORDS
            && words
                .iter()
                .all(|w| listed(&lang.sources.name_joiners, w) || listed(&lang.figures.place_kinds, w) || w.starts_with(char::is_uppercase))
    };
    let after = || {
        here.iter().filter(|c| c.kind == Kind::Person && c.span.start >= chosen.span.end).find(|c| {
            let gap = &text[chosen.span.end..c.span.start];
            // "the governor of the state, NAME": the place may close with the apposition's comma.
            let closed_by_comma = gap.trim_end().ends_with(',') && gap.matches(',').count() == 1;
            gap.matches(',').count() <= 1 && words_in(gap, true).is_some_and(|n| n <= 2)
                || (words_in(gap, false).is_some() || closed_by_comma) && of_place(gap)
        })
    };
    before.or_else(after).copied()
}

/// The role written right before a person's name: "Governor NAME", "la alcaldesa, NAME".
fn title_of<'c>(text: &str, here: &[&'c Candidate], person: &Candidate) -> Option<&'c Candidate> {
    here.iter()
        .copied()
        .rfind(|c| c.kind == Kind::Role && c.span.end <= person.span.start)
        .filter(|c| text[c.span.end..person.span.start].chars().all(|ch| ch == ' ' || ch == ','))
}

/// The most words between the subject of a count and its noun ("the UN late on Saturday gave a preliminary figure").
const TALLY_SUBJECT_WORDS: usize = 7;

/// Quotations of each paragraph, paired in order: opening to closing mark.
fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => open = None,
            '"' => match open.take() {
                Some(start) => out.push(start..i + 1),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    out
}

/// What a speech covers: its sentence, and a quotation the speaker closes
/// ("\"...\", said NAME") or opens ("NAME a déclaré : \"...\"").
fn covered(text: &str, quotes: &[Range<usize>], cue: &Range<usize>, speaker: &Range<usize>, sentence: Range<usize>) -> Range<usize> {
    let first = cue.start.min(speaker.start);
    let last = cue.end.max(speaker.end);
    // '"...," the minister explained': only the speaker's phrase stands between the quotation and the cue.
    // Quotations are disjoint and in order: only the last one ending before the speech and the first one after it count.
    let before = quotes.partition_point(|q| q.end <= first);
    let closed = before.checked_sub(1).map(|i| &quotes[i]).filter(|q| {
        q.end >= sentence.start.saturating_sub(1)
            && words_in(text[q.end..first].trim_start_matches([',', ' ']), false).is_some_and(|n| n <= SPEAKER_REACH_WORDS)
    });
    let after = quotes.partition_point(|q| q.start < last);
    let opened =
        quotes.get(after).filter(|q| q.start <= sentence.end && text[last..q.start].trim().trim_end_matches(':').trim().is_empty());
    let start = closed.map_or(sentence.start, |q| q.start.min(sentence.start));
    let end = opened.map_or(sentence.end, |q| q.end.max(sentence.end));
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_lang::Languages;

    /// The source of each figure of `text`, by value.
    fn sources(lang: &str, text: &str) -> Vec<(u64, Option<String>)> {
        let lang = Languages::get().by_code(lang).unwrap();
        let found = crate::figures::FigureFinder::new(lang).find(text);
        let lexicon = crate::sources::SourceFinder::new(lang).sources(text, None);
        let names = crate::names::NameReader::new(lang).names(text, &found.sentences, &found.attributions);
        let posts = crate::posts::posts(text, None, |_, _| true);
        let speeches = speeches(lang, text, &found, &lexicon, &names, &posts);
        found.figures.iter().map(|f| (f.value, attribute(text, &found, &speeches, f).map(|a| a.label))).collect()
    }

    fn one(lang: &str, text: &str, value: u64) -> Option<String> {
        sources(lang, text).into_iter().find(|(v, _)| *v == value).unwrap_or_else(|| panic!("no figure {value} in {text:?}")).1
    }

    #[test]
    fn a_body_qualified_by_the_body_after_it_speaks_with_its_complement() {
        assert_eq!(
            one("es", "La Coordinación Estatal de Protección Civil del gobierno de Oaxaca reportó la muerte de 14 personas.", 14)
                .as_deref(),
            Some("Coordinación Estatal de Protección Civil del gobierno de Oaxaca")
        );
        assert_eq!(
            one("fr", "La Direction de la Sécurité Civile du gouvernement régional a annoncé la mort de 12 personnes.", 12).as_deref(),
            Some("Direction de la Sécurité Civile du gouvernement régional")
        );
        assert_eq!(
            one("en", "The Office of Emergency Management of the county government said 9 people died.", 9).as_deref(),
            Some("Office of Emergency Management of the county government")
        );
    }

    #[test]
    fn an_organisation_goes_by_its_acronym_and_its_head_noun_names_it_again() {
        let fr = "Selon l'Institut national de prévention des risques naturels (INPRN), 14 personnes sont mortes. \
                  Plus de 3 000 familles ont été déplacées, a précisé l'institut.";
        assert_eq!(one("fr", fr, 14).as_deref(), Some("INPRN"));
        assert_eq!(one("fr", fr, 3000).as_deref(), Some("INPRN"));
        let es = "Según la Coordinación Nacional de Rescate Alpino (CNRA), murieron 6 excursionistas. \
                  La coordinación informó que 9 personas fueron evacuadas.";
        assert_eq!(one("es", es, 9).as_deref(), Some("CNRA"));
        let en = "The Mountain Rescue Service (MRS) said 6 hikers died. Another 9 people were evacuated, the service said.";
        assert_eq!(one("en", en, 9).as_deref(), Some("MRS"));
    }

    #[test]
    fn the_last_word_of_a_cue_whose_speaker_follows_opens_no_medium() {
        let es = "Cuatro personas resultaron heridas, de acuerdo con el Servicio Riojano de Salud.";
        assert_eq!(one("es", es, 4).as_deref(), Some("Servicio Riojano de Salud"));
        let es = "Según ha informado en un comunicado la Consejería de Sanidad de Murcia, murieron 3 personas.";
        assert_eq!(one("es", es, 3).as_deref(), Some("Consejería de Sanidad de Murcia"));
    }

    #[test]
    fn a_person_named_after_a_cue_speaks() {
        let en = "Floods have killed at least 14 people, according to Amara Okafor, spokeswoman for the state relief agency.";
        assert_eq!(one("en", en, 14).as_deref(), Some("Amara Okafor"));
        let fr = "Au moins 9 personnes sont mortes, a indiqué samedi le préfet, Jean-Marc Delorme.";
        assert_eq!(one("fr", fr, 9).as_deref(), Some("Jean-Marc Delorme"));
        let es = "Al menos 21 personas murieron, informó la gobernadora Lucía Ferrán Ortega.";
        assert_eq!(one("es", es, 21).as_deref(), Some("Lucía Ferrán Ortega"));
    }

    #[test]
    fn a_title_and_its_qualifiers_lead_to_the_inverted_subject() {
        let fr = "Après le séisme, « nous avons secouru 600 personnes », a déclaré le vice-président kenyan Samuel Otieno.";
        assert_eq!(one("fr", fr, 600).as_deref(), Some("Samuel Otieno"));
        let es = "Tras el sismo, \"hemos rescatado a 600 personas\", declaró el viceministro chileno de Interior, Andrés Molina Soto.";
        assert_eq!(one("es", es, 600).as_deref(), Some("Andrés Molina Soto"));
        let en = "After the quake, \"we have rescued 600 people,\" said the Kenyan deputy interior minister Samuel Otieno.";
        assert_eq!(one("en", en, 600).as_deref(), Some("Samuel Otieno"));
    }

    #[test]
    fn a_speech_that_counts_nothing_but_names_the_count_vouches_for_the_sentence_before() {
        let en = "A fire tore through a hostel overnight. Five guests died in the blaze. Police confirmed the deaths on Friday.";
        assert_eq!(one("en", en, 5).as_deref(), Some("police"));
        let fr = "Un incendie a ravagé un foyer dans la nuit. Cinq résidents sont morts. Les décès ont été confirmés par la préfecture.";
        assert_eq!(one("fr", fr, 5).as_deref(), Some("prefecture"));
        let es = "Un incendio arrasó un albergue de madrugada. Cinco huéspedes murieron. Los decesos fueron confirmados por la policía.";
        assert_eq!(one("es", es, 5).as_deref(), Some("police"));
        // A speech about something else vouches for nothing.
        let en = "A fire tore through a hostel overnight, the mayor said.\n\nFive guests died in the blaze. Police said the building had no alarms.";
        assert_eq!(one("en", en, 5), None);
    }

    #[test]
    fn a_modified_noun_that_could_refer_back_is_a_body_of_its_own() {
        let en = "Mudslides hit the valley, Amara Okafor told AFP. The regional disaster agency said 12 people were injured.";
        assert_eq!(one("en", en, 12).as_deref(), Some("regional disaster agency"));
        // Bare, it refers back, but never to an agency the text was told to.
        let en = "Mudslides hit the valley, Amara Okafor told AFP. The agency said 12 people were injured.";
        assert_eq!(one("en", en, 12).as_deref(), Some("Amara Okafor"));
        let fr =
            "Des coulées de boue ont frappé la vallée, a dit Amara Okafor à l'AFP. L'agence a indiqué que 12 personnes étaient blessées.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("Amara Okafor"));
        let es = "Los aludes golpearon el valle, dijo Amara Okafor a la AFP. La agencia informó que 12 personas resultaron heridas.";
        assert_eq!(one("es", es, 12).as_deref(), Some("Amara Okafor"));
    }

    #[test]
    fn a_day_inside_a_reporting_phrase_does_not_break_it() {
        let fr = "Dans la région, le ministère de l'Intérieur a fait état mercredi soir de 412 morts.";
        assert_eq!(one("fr", fr, 412).as_deref(), Some("interior ministry"));
    }

    #[test]
    fn a_person_in_apposition_before_a_role_speaks() {
        let en = "Ilse Varga, the head of the regional rescue service, said 31 people were injured.";
        assert_eq!(one("en", en, 31).as_deref(), Some("Ilse Varga"));
        let es = "Tomás Prieto Vidal, alcalde de Villaseca, dijo que hay 8 muertos.";
        assert_eq!(one("es", es, 8).as_deref(), Some("Tomás Prieto Vidal"));
    }

    #[test]
    fn a_long_role_between_a_subject_and_its_verb_is_skipped() {
        let es = "Ramiro Solís Quintero, jefe del equipo de respuesta a emergencias en la provincia de Borvania, informó de 17 heridos.";
        assert_eq!(one("es", es, 17).as_deref(), Some("Ramiro Solís Quintero"));
        // At the head of its sentence, the role may run on to the verb with no closing comma.
        let en = "Meanwhile, Amara Okafor, relief and planning director of the northern province said that 23 people died.";
        assert_eq!(one("en", en, 23).as_deref(), Some("Amara Okafor"));
        let fr = "Paul Ndiaye, chef du service départemental d'incendie et de secours de la Haute-Vallée, a annoncé 11 morts.";
        assert_eq!(one("fr", fr, 11).as_deref(), Some("Paul Ndiaye"));
    }

    #[test]
    fn an_acronym_after_a_name_does_not_part_it_from_its_verb() {
        let es = "Ayer, la Oficina Regional de Rescate (ORR) registró 64 muertos.";
        assert_eq!(one("es", es, 64).as_deref(), Some("ORR"));
        let fr = "Lundi, l'Agence nationale des secours (ANS) a fait état de 38 blessés.";
        assert_eq!(one("fr", fr, 38).as_deref(), Some("ANS"));
        let en = "The Coastal Rescue Service (CRS) counted 15 dead.";
        assert_eq!(one("en", en, 15).as_deref(), Some("CRS"));
    }

    #[test]
    fn the_outlet_spoken_to_stands_before_an_inverted_subject() {
        let fr = "Au moins 93 blessés ont été soignés, a indiqué à l'AFP Paul Ndiaye, un responsable des secours.";
        assert_eq!(one("fr", fr, 93).as_deref(), Some("Paul Ndiaye"));
        let es = "Hay 26 heridos, dijo a la agencia EFE Tomás Prieto Vidal.";
        assert_eq!(one("es", es, 26).as_deref(), Some("Tomás Prieto Vidal"));
    }

    #[test]
    fn the_possessed_speaks_not_its_possessor() {
        let en = "In Russia, 182 people were injured, according to the Moscow Region's Health Ministry.";
        assert_eq!(one("en", en, 182).as_deref(), Some("Moscow Region health ministry"));
        let en = "Some 30 died, according to the Coastal Rescue Service's latest tally.";
        assert_eq!(one("en", en, 30).as_deref(), Some("Coastal Rescue Service"));
    }

    #[test]
    fn a_role_speaks_for_the_institution_after_it() {
        let fr = "On compte 41 morts, a précisé le secrétaire général au ministère de l'Intérieur.";
        assert_eq!(one("fr", fr, 41).as_deref(), Some("interior ministry"));
        let en = "Some 70 people were hurt, according to a spokesman for the Health Ministry.";
        assert_eq!(one("en", en, 70).as_deref(), Some("health ministry"));
        let es = "Hay 12 desaparecidos, según un portavoz del Ministerio de Salud.";
        assert_eq!(one("es", es, 12).as_deref(), Some("health ministry"));
    }

    #[test]
    fn whoever_owns_the_report_named_after_a_cue_speaks() {
        let fr = "Au moins 61 personnes sont mortes, selon les derniers chiffres du ministère de la Santé.";
        assert_eq!(one("fr", fr, 61).as_deref(), Some("health ministry"));
        let en = "At least 28 died, according to the latest figures from the regional rescue office.";
        assert_eq!(one("en", en, 28).as_deref(), Some("regional rescue office"));
        let es = "Hay 15 heridos, según los datos provisionales de los bomberos municipales.";
        assert_eq!(one("es", es, 15).as_deref(), Some("emergency services"));
    }

    #[test]
    fn no_inverted_subject_stands_in_what_is_reported() {
        let es = "La alcaldesa manifestó que el hospital del Seguro Social evacuó a 90 pacientes.";
        assert_eq!(one("es", es, 90).as_deref(), Some("mayor"));
        let en = "The governor warned that the Coastal Rescue Service had found 14 bodies.";
        assert_eq!(one("en", en, 14).as_deref(), Some("governor"));
        // The reported clause may open past a first count.
        let es = "La Cruz Roja dijo que se habían reportado tres muertos y que el Hospital General de Tula recibió a 40 heridos.";
        assert_eq!(one("es", es, 40).as_deref(), Some("Red Cross"));
        let fr = "La Croix-Rouge a indiqué avoir recensé trois morts et que l'Hôpital Central de Tula a reçu 40 blessés.";
        assert_eq!(one("fr", fr, 40).as_deref(), Some("Red Cross"));
    }

    #[test]
    fn a_role_named_again_is_the_person_who_held_it() {
        let fr =
            "Il y a 12 morts, a déclaré le préfet de la région Nord Jean-Marc Delorme. Le préfet a ajouté que 30 personnes sont blessées.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("Jean-Marc Delorme"));
        assert_eq!(one("fr", fr, 30).as_deref(), Some("Jean-Marc Delorme"));
        let en = "Governor Amara Okafor said 14 people died.\nThe governor said on Friday that 20 were missing.";
        assert_eq!(one("en", en, 20).as_deref(), Some("Amara Okafor"));
        let es = "La alcaldesa, Lucía Ferrán Ortega, informó de 8 muertos.\nLa alcaldesa precisó que hay 15 heridos.";
        assert_eq!(one("es", es, 15).as_deref(), Some("Lucía Ferrán Ortega"));
    }

    #[test]
    fn organisations_the_lists_do_not_know_speak_as_written() {
        let es = "Al menos 12 personas murieron, según el Servicio Estatal de Rescate de Borvania.";
        assert_eq!(one("es", es, 12).as_deref(), Some("Servicio Estatal de Rescate de Borvania"));
        let en = "Some 40 people were hurt, the Northern Rail Company said.";
        assert_eq!(one("en", en, 40).as_deref(), Some("Northern Rail Company"));
    }

    #[test]
    fn a_quotation_belongs_to_whoever_closes_it() {
        let text = "\"Twenty-two people died. Sixty were injured,\" Mayor Ilse Varga said on Monday.";
        assert_eq!(one("en", text, 60).as_deref(), Some("Ilse Varga"));
        assert_eq!(one("en", text, 22).as_deref(), Some("Ilse Varga"));
        let fr = "\"Nous comptons 17 morts\", a déclaré Paul Ndiaye, maire de la ville.";
        assert_eq!(one("fr", fr, 17).as_deref(), Some("Paul Ndiaye"));
    }

    #[test]
    fn pronouns_and_surnames_stand_for_the_last_speaker() {
        let text = "Governor Amara Okafor said 30 people died. She said 45 were wounded. Okafor added that 6 are missing.";
        assert_eq!(one("en", text, 45).as_deref(), Some("Amara Okafor"));
        assert_eq!(one("en", text, 6).as_deref(), Some("Amara Okafor"));
        let fr = "Selon Paul Ndiaye, 12 personnes sont mortes. Il a ajouté que 30 personnes ont été blessées.";
        assert_eq!(one("fr", fr, 30).as_deref(), Some("Paul Ndiaye"));
    }

    #[test]
    fn a_name_merely_mentioned_does_not_speak() {
        // The army acts; no one is said to give the count: the outlet's own voice.
        let en = "The army shelled the town and 25 people were killed.";
        assert_eq!(one("en", en, 25), None);
        let es = "La Cruz Roja llegó al pueblo, donde murieron 25 personas.";
        assert_eq!(one("es", es, 25), None);
    }

    #[test]
    fn a_lede_takes_the_speaker_of_the_next_sentence() {
        let text = "Eighteen people died overnight in the hills. The Hill Rescue Service said the search goes on.";
        assert_eq!(one("en", text, 18).as_deref(), Some("Hill Rescue Service"));
        // ... even when its own cue names no one; a figure further on stays the outlet's.
        let es =
            "Borvania dijo el martes que 22 personas siguen desaparecidas. Según la Cruz Roja, hay 30 heridos.\nLa lluvia siguió. En total, 52 víctimas.";
        assert_eq!(one("es", es, 22).as_deref(), Some("Red Cross"));
        assert_eq!(one("es", es, 52), None);
    }

    #[test]
    fn outlets_and_wire_agencies_relay_and_never_speak() {
        let fr = "Le bilan s'élève à 31 morts, a indiqué l'ONG, rapporte l'AFP.";
        assert_eq!(one("fr", fr, 31).as_deref(), Some("unnamed NGO"));
        let en = "Local officials told the Valley News that 12 people were missing.";
        assert_eq!(one("en", en, 12).as_deref(), Some("local officials"));
        let es = "Hay 40 heridos, dijo a EFE la alcaldesa Lucía Ferrán Ortega.";
        assert_eq!(one("es", es, 40).as_deref(), Some("Lucía Ferrán Ortega"));
    }

    #[test]
    fn a_reporting_verb_without_a_subject_goes_on_with_the_last_speaker() {
        let es = "Según Tomás Prieto Vidal, murieron 14 personas. Entre ellas hay 3 niños, precisó.";
        assert_eq!(one("es", es, 3).as_deref(), Some("Tomás Prieto Vidal"));
        let fr = "\"Nous avons 20 morts\", a déclaré Paul Ndiaye. Huit blessés sont graves, a-t-il précisé.";
        assert_eq!(one("fr", fr, 8).as_deref(), Some("Paul Ndiaye"));
    }

    #[test]
    fn an_impersonal_verb_goes_on_with_a_speaker_of_its_own_paragraph_only() {
        let es = "Tomás Prieto Vidal informó de nuevos daños. Hasta ahora se han registrado 12 muertos.";
        assert_eq!(one("es", es, 12).as_deref(), Some("Tomás Prieto Vidal"));
        let es = "Al menos 30 heridos, cifraron las autoridades locales.\n\nAl cierre, se había confirmado la muerte de 9 personas.";
        assert_eq!(one("es", es, 9), None);
        let fr = "Au moins 30 blessés, a annoncé Paul Ndiaye.\n\nDans la soirée, on a annoncé la mort de 7 personnes.";
        assert_eq!(one("fr", fr, 7), None);
        let en = "At least 30 were hurt, Amara Okafor said.\n\nLater it was confirmed that 6 people had died.";
        assert_eq!(one("en", en, 6), None);
    }
    #[test]
    fn descriptors_speak_as_written() {
        assert_eq!(one("fr", "Au moins 14 morts, selon les enquêteurs locaux.", 14).as_deref(), Some("enquêteurs locaux"));
        assert_eq!(one("es", "Hay 30 heridos, aseguran los vecinos del barrio.", 30).as_deref(), Some("vecinos del barrio"));
        assert_eq!(one("en", "Nine people died, according to hospital staff.", 9).as_deref(), Some("hospital staff"));
        // A report is what was said.
        assert_eq!(one("fr", "Le séisme a fait 12 morts, selon un bilan provisoire.", 12), None);
    }

    #[test]
    fn a_count_of_an_agency_or_of_the_body_named_before_is_theirs() {
        let fr = "Le ministère de la Santé a annoncé 20 morts. En tout, 310 civils ont péri, selon le dernier bilan du ministère.";
        assert_eq!(one("fr", fr, 310).as_deref(), Some("health ministry"));
        let es = "El Ministerio de Salud informó de 20 muertos. En total, 310 civiles murieron, según el último balance del ministerio.";
        assert_eq!(one("es", es, 310).as_deref(), Some("health ministry"));
        assert_eq!(one("fr", "Les combats ont fait 640 morts, selon un décompte de l'AFP.", 640).as_deref(), Some("AFP"));
        assert_eq!(one("en", "At least 640 died, according to an AFP tally based on official data.", 640).as_deref(), Some("AFP"));
        assert_eq!(one("es", "Hubo 640 muertos, según un recuento de la AFP.", 640).as_deref(), Some("AFP"));
    }

    #[test]
    fn a_new_source_and_a_monitoring_project_speak() {
        // An indefinite article makes "source" new, not the source named before.
        assert_eq!(one("en", "Nineteen people died, a hospital source told AFP.", 19).as_deref(), Some("hospital source"));
        let en = "At least 19 people were killed, according to data compiled by the Lakeside Crisis Tracker.";
        assert_eq!(one("en", en, 19).as_deref(), Some("Lakeside Crisis Tracker"));
        let en = "The toll, given by the coast guard, stands at 19 dead.";
        assert_eq!(one("en", en, 19).as_deref(), Some("coast guard"));
    }

    #[test]
    fn a_name_that_adds_a_place_to_a_role_credits_the_article_as_that_role() {
        let en = "Rescuers found 14 bodies in the rubble.\n\nLviv Regional Military Administration writes about this.";
        assert_eq!(one("en", en, 14).as_deref(), Some("Lviv regional military administration"));
    }

    #[test]
    fn the_media_speak_under_one_english_label_in_every_language() {
        assert_eq!(one("es", "De acuerdo con medios locales, 11 personas murieron.", 11).as_deref(), Some("local media"));
        assert_eq!(one("fr", "Au moins 7 morts, selon les médias locaux.", 7).as_deref(), Some("local media"));
        assert_eq!(one("es", "Murieron 7 personas, según informaron fuentes policiales.", 7).as_deref(), Some("police"));
        assert_eq!(one("fr", "Au moins 7 morts, selon une source policière.", 7).as_deref(), Some("police"));
        assert_eq!(one("en", "Press reports said 5 people were missing.", 5).as_deref(), Some("media reports"));
        // Speaking in front of the press, the press is whom one speaks to.
        assert_eq!(one("fr", "\"Nous avons 40 blessés\", a rectifié jeudi devant la presse.", 40), None);
    }

    #[test]
    fn a_count_said_to_be_official_is_the_authorities_when_no_one_speaks_for_it() {
        assert_eq!(one("fr", "Pour l'instant, il n'y a officiellement que 12 morts.", 12).as_deref(), Some("authorities"));
        assert_eq!(one("es", "Dieciocho muertos y 40 heridos. Son las cifras oficiales del incendio.", 40).as_deref(), Some("authorities"));
        assert_eq!(one("en", "The official toll stands at 33 dead.", 33).as_deref(), Some("authorities"));
        // Whoever gives the official toll speaks for it.
        let fr = "Le séisme a fait 70 morts, selon le bilan officiel du Bureau des risques.";
        assert_eq!(one("fr", fr, 70).as_deref(), Some("Bureau des risques"));
        // A count the official phrase does not reach is not official.
        assert_eq!(one("en", "Officially the clinic reopened.\nAt least 4 people were hurt.", 4), None);
    }

    #[test]
    fn auxiliaries_and_adverbs_stand_between_a_subject_and_its_verb() {
        let fr = "Le chef de la compagnie des eaux, Marc Delvaux, avait plus tôt évoqué 14 morts.";
        assert_eq!(one("fr", fr, 14).as_deref(), Some("Marc Delvaux"));
        let en = "The head of the port authority, Ruth Amadi, had earlier said 14 people died.";
        assert_eq!(one("en", en, 14).as_deref(), Some("Ruth Amadi"));
        let es = "La directora del puerto, Inés Valcárcel, ya había contabilizado 14 muertos.";
        assert_eq!(one("es", es, 14).as_deref(), Some("Inés Valcárcel"));
    }

    #[test]
    fn a_paragraph_that_credits_the_article_speaks_for_what_no_one_else_does() {
        let en = "Floods cut the valley road.\n\nThe Lakeside Rescue Office writes about this.\n\nAt least 12 people died.";
        assert_eq!(one("en", en, 12).as_deref(), Some("Lakeside Rescue Office"));
        let es = "Las lluvias cortaron la carretera.\n\nAsí lo informó la Oficina de Rescate del Lago.\n\nAl menos 12 personas murieron.";
        assert_eq!(one("es", es, 12).as_deref(), Some("Oficina de Rescate del Lago"));
        let fr = "Les pluies ont coupé la route.\n\nLe Réseau syrien de veille l'a indiqué.\n\nAu moins 12 personnes sont mortes.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("Réseau syrien de veille"));
        // A paragraph that says more than who speaks credits nothing.
        let en = "Floods cut the valley road.\n\nThe Lakeside Rescue Office told a news conference.\n\nAt least 12 people died.";
        assert_eq!(one("en", en, 12), None);
    }

    #[test]
    fn a_bare_plural_of_those_who_count_after_its_verb_speaks() {
        assert_eq!(
            one("es", "Al menos 17 personas murieron en la explosión, dijeron funcionarios chilenos.", 17).as_deref(),
            Some("funcionarios chilenos")
        );
        assert_eq!(one("en", "At least 17 people died in the blast, said doctors at the clinic.", 17).as_deref(), Some("doctors"));
        assert_eq!(
            one("fr", "Au moins 17 personnes sont mortes, ont indiqué des responsables locaux.", 17).as_deref(),
            Some("local officials")
        );
        // Any other bare noun after the verb is what was said, not who said it.
        assert_eq!(one("en", "At least 17 people died, said reports.", 17), None);
    }

    #[test]
    fn a_descriptor_before_its_verb_speaks_as_written() {
        let en = "The national power company said 11 workers were injured at the plant.";
        assert_eq!(one("en", en, 11).as_deref(), Some("national power company"));
        let en = "On Monday, hospital officials said 25 patients were moved to other towns.";
        assert_eq!(one("en", en, 25).as_deref(), Some("hospital officials"));
        let fr = "Les médecins du dispensaire ont indiqué que 17 personnes étaient blessées.";
        assert_eq!(one("fr", fr, 17).as_deref(), Some("médecins du dispensaire"));
        let es = "Los médicos del hospital comarcal informaron que 19 personas resultaron heridas.";
        assert_eq!(one("es", es, 19).as_deref(), Some("médicos del hospital comarcal"));
        // A phrase whose noun refers back ("the group") is the group named before.
        let en = "The Kivu Rescue Network (KRN) counted 40 dead. On Friday the Goma-based group said 12 more had died.";
        assert_eq!(one("en", en, 12).as_deref(), Some("KRN"));
        // A lone word for a role ("the official") stands for whoever spoke before.
        let en = "Governor Ilse Varga said 8 people died. Twenty were hurt, the official said.";
        assert_eq!(one("en", en, 20).as_deref(), Some("Ilse Varga"));
    }

    #[test]
    fn a_phrase_that_refers_back_stands_for_whoever_spoke_last() {
        let fr =
            "Selon Marc Olivier, chef des secours, 12 personnes sont mortes. Selon cette même source, 5 personnes sont portées disparues.";
        assert_eq!(one("fr", fr, 5).as_deref(), Some("Marc Olivier"));
        let es = "Según Lucía Campos, directora del operativo, hubo 12 muertos. Esa dependencia informó además de 5 desaparecidos.";
        assert_eq!(one("es", es, 5).as_deref(), Some("Lucía Campos"));
        let en = "Ten people died, said Amos Kiprono, who leads the relief effort. According to the same source, 5 are missing.";
        assert_eq!(one("en", en, 5).as_deref(), Some("Amos Kiprono"));
    }

    #[test]
    fn a_surname_alone_keeps_its_title_until_the_full_name_is_known() {
        assert_eq!(one("en", "At least 60 were injured, said Dr Okafor, who runs the clinic.", 60).as_deref(), Some("Dr Okafor"));
        assert_eq!(one("es", "Hay 60 heridos, dijo el Dr. Quiroga, director del hospital.", 60).as_deref(), Some("Dr. Quiroga"));
        let fr = "Le docteur Hélène Marchal a soigné les blessés. Selon le Dr Marchal, 60 personnes ont été blessées.";
        assert_eq!(one("fr", fr, 60).as_deref(), Some("Hélène Marchal"));
    }

    #[test]
    fn a_person_in_apposition_after_a_role_and_its_place_speaks() {
        let es = "Al menos 27 personas murieron, dijo la gobernadora del estado, María López.";
        assert_eq!(one("es", es, 27).as_deref(), Some("María López"));
        let en = "At least 27 people died, said the governor of the state, Maria Lopez, on Tuesday.";
        assert_eq!(one("en", en, 27).as_deref(), Some("Maria Lopez"));
        let fr = "Au moins 27 personnes sont mortes, a indiqué le gouverneur de la province, Amadou Diallo.";
        assert_eq!(one("fr", fr, 27).as_deref(), Some("Amadou Diallo"));
    }

    #[test]
    fn particles_belong_to_the_name_and_agents_of_an_aside_do_not_speak() {
        let en = "Derna's mayor, Abdulmenam al-Ghaithi, said the toll could reach 20,000.";
        assert_eq!(one("en", en, 20_000).as_deref(), Some("Abdulmenam al-Ghaithi"));
        let es = "El alcalde, Omar bin Salem, dijo que hubo 12 muertos.";
        assert_eq!(one("es", es, 12).as_deref(), Some("Omar bin Salem"));
        let es = "El Ministerio de Salud de Gaza, controlado por Hamás, elevó a 240 el número de muertos.";
        assert_eq!(one("es", es, 240).as_deref(), Some("Gaza health ministry"));
        let fr = "Le ministère de la Santé de Gaza, contrôlé par le Hamas, a annoncé 240 morts.";
        assert_eq!(one("fr", fr, 240).as_deref(), Some("Gaza health ministry"));
        // A name in a complement is no subject: the verb goes on with the last speaker.
        let es = "Hay 30 muertos, indicó Rami Abdel Rahman. Entre ellos figuran 3 combatientes del grupo aliado del gobierno de Bashar al Asad, precisó.";
        assert_eq!(one("es", es, 3).as_deref(), Some("OSDH"));
    }

    #[test]
    fn a_definite_body_named_again_is_whoever_spoke_last() {
        let es = "Según la Protección Civil de Colima, hubo 18 muertos. Otras 30 personas resultaron heridas, precisó el organismo.";
        assert_eq!(one("es", es, 30).as_deref(), Some("Colima emergency services"));
        let fr = "Selon Amadou Diallo, 18 personnes sont mortes. L'organisme a ajouté que 30 personnes étaient blessées.";
        assert_eq!(one("fr", fr, 30).as_deref(), Some("Amadou Diallo"));
        // In a complement, the noun is part of another phrase.
        let fr = "Selon le chef de l'administration militaire de Kherson, 40 personnes sont mortes.";
        assert_eq!(one("fr", fr, 40).as_deref(), Some("chef de l'administration militaire de Kherson"));
    }

    #[test]
    fn a_pronoun_stands_for_the_last_person_who_spoke() {
        let en = "Mayor Tomas Reyes said 40 homes burned. Local fire crews reported 3 injured. He said 2 people died.";
        assert_eq!(one("en", en, 2).as_deref(), Some("Tomas Reyes"));
        let es =
            "La alcaldesa Marta Ruiz dijo que 40 casas ardieron. Los bomberos informaron de 3 heridos. Ella dijo que murieron 2 personas.";
        assert_eq!(one("es", es, 2).as_deref(), Some("Marta Ruiz"));
        let fr = "Le maire Paul Girard a dit que 40 maisons ont brûlé. Les pompiers ont signalé 3 blessés. Il a ajouté que 2 personnes sont mortes.";
        assert_eq!(one("fr", fr, 2).as_deref(), Some("Paul Girard"));
    }

    #[test]
    fn a_name_of_common_words_speaks_next_to_its_verb() {
        // First names and surnames that are frequent words still name a person beside a reporting verb.
        assert_eq!(one("es", "Pedro Gómez confirmó 40 muertos en el valle.", 40).as_deref(), Some("Pedro Gómez"));
        assert_eq!(one("fr", "Le bilan est de 40 morts, a déclaré Paul Martin.", 40).as_deref(), Some("Paul Martin"));
        assert_eq!(one("en", "Forty people died in the valley, said Grace Little.", 40).as_deref(), Some("Grace Little"));
    }

    #[test]
    fn a_bare_title_names_the_person_last_named_with_it() {
        let es = "La ministra de Salud, Carla Ruiz, confirmó 40 muertos.\nUnos 12 heridos siguen graves, según el balance de la ministra recogido por la prensa.";
        assert_eq!(one("es", es, 12).as_deref(), Some("Carla Ruiz"));
        let fr = "Le ministre de la Santé, Pierre Dumas, a confirmé 40 morts.\nDouze blessés restent dans un état grave, selon le bilan du ministre relayé par la presse.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("Pierre Dumas"));
        let en = "The regional governor, Anna Berg, confirmed 40 deaths.\nTwelve injured remain in serious condition, according to the governor's toll.";
        assert_eq!(one("en", en, 12).as_deref(), Some("Anna Berg"));
        // A title nobody was named with stays as written.
        assert_eq!(one("en", "Twelve injured remain in serious condition, according to the governor.", 12).as_deref(), Some("governor"));
    }

    #[test]
    fn the_owner_of_a_count_speaks_for_it() {
        let es = "El balance definitivo de la Oficina Regional de Rescate es de 41 muertos.";
        assert_eq!(one("es", es, 41).as_deref(), Some("Oficina Regional de Rescate"));
        let en = "The Coastal Rescue Service's latest toll stands at 19 dead.";
        assert_eq!(one("en", en, 19).as_deref(), Some("Coastal Rescue Service"));
        let fr = "Le bilan de la Direction de la sécurité civile fait état de 8 morts.";
        assert_eq!(one("fr", fr, 8).as_deref(), Some("Direction de la sécurité civile"));
    }

    #[test]
    fn the_account_that_signs_an_embedded_post_speaks_for_it() {
        let en = "The quake hit at night.\nAt least 40 people were killed in the valley. pic.twitter.com/abc — Valley Rescue Network (@ValleyRescue) May 2, 2025";
        assert_eq!(one("en", en, 40).as_deref(), Some("Valley Rescue Network"));
        // A signature on its own line signs the paragraph before.
        let es = "El sismo golpeó de noche.\nAl menos 12 personas murieron en el valle.\n— Red de Rescate del Valle (@RedRescate) 2 de mayo de 2025";
        assert_eq!(one("es", es, 12).as_deref(), Some("Red de Rescate del Valle"));
        let fr = "Le séisme a frappé la nuit.\nAu moins 9 morts dans la vallée. — Secours de la Vallée (@SecoursVallee) 2 mai 2025";
        assert_eq!(one("fr", fr, 9).as_deref(), Some("Vallée emergency services"));
    }

    #[test]
    fn the_subject_that_gives_a_count_speaks_for_it() {
        let en = "Officials were overwhelmed. The Red Cross on Sunday gave a first figure of 140 dead.";
        assert_eq!(one("en", en, 140).as_deref(), Some("Red Cross"));
        let es = "La Cruz Roja dio el lunes una cifra provisional de 85 heridos.";
        assert_eq!(one("es", es, 85).as_deref(), Some("Red Cross"));
        let fr = "La Croix-Rouge a publié dimanche un chiffre de 60 blessés.";
        assert_eq!(one("fr", fr, 60).as_deref(), Some("Red Cross"));
    }

    #[test]
    fn a_speaker_who_confirms_this_vouches_for_the_sentence_before() {
        let fr = "Jeudi, 60 blessés restaient hospitalisés. Le maire, Paul Ndiaye, a confirmé cette information.";
        assert_eq!(one("fr", fr, 60).as_deref(), Some("Paul Ndiaye"));
        let en = "On Friday 15 people were still missing. Governor Ilse Varga confirmed these figures.";
        assert_eq!(one("en", en, 15).as_deref(), Some("Ilse Varga"));
        let es = "Hay 9 heridos graves. La alcaldesa Lucía Ferrán Ortega confirmó esta información.";
        assert_eq!(one("es", es, 9).as_deref(), Some("Lucía Ferrán Ortega"));
    }

    #[test]
    fn a_speaker_carries_over_its_paragraph_only() {
        let text = "Rescuers found 12 bodies, the Coastal Rescue Service said. Another 4 people are missing.\nIn all, 19 died.";
        assert_eq!(one("en", text, 4).as_deref(), Some("Coastal Rescue Service"));
        assert_eq!(one("en", text, 19), None);
    }

    #[test]
    fn a_sentence_of_the_paragraph_that_names_someone_else_is_about_them() {
        let fr = "Selon le Réseau syrien de veille, 30 soldats ont été tués. Au moins 8 membres du Front de Libération ont péri dans des frappes.";
        assert_eq!(one("fr", fr, 30).as_deref(), Some("Réseau syrien de veille"));
        assert_eq!(one("fr", fr, 8), None);
        let en = "According to the Coastal Rescue Service, 12 people died. At least 5 fighters of the Northern Liberation Front were killed too.";
        assert_eq!(one("en", en, 5), None);
        let es = "Según la Red de Vigilancia Costera, murieron 12 personas. Otros 5 miembros del Frente de Liberación del Norte murieron en combates.";
        assert_eq!(one("es", es, 5), None);
        // One who names nobody else goes on with the paragraph's speaker.
        let es = "Según la Red de Vigilancia Costera, murieron 12 personas. Otras 5 siguen desaparecidas.";
        assert_eq!(one("es", es, 5).as_deref(), Some("Red de Vigilancia Costera"));
    }

    #[test]
    fn an_additive_connective_goes_on_with_the_speaker_whoever_it_names() {
        let fr = "Au moins 50 combattants sont morts, a indiqué le Réseau syrien de veille.\nEn outre, 12 civils ont été tués par des roquettes du Front de Libération.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("Réseau syrien de veille"));
        let en = "At least 50 fighters died, the Coastal Rescue Service said.\nIn addition, 12 civilians were killed by rockets fired by the Liberation Front.";
        assert_eq!(one("en", en, 12).as_deref(), Some("Coastal Rescue Service"));
        let es = "Al menos 50 combatientes murieron, informó la Red Siria de Vigilancia.\nAdemás, 12 civiles murieron por cohetes del Frente de Liberación.";
        assert_eq!(one("es", es, 12).as_deref(), Some("Red Siria de Vigilancia"));
        // Without the connective, a sentence that names someone else is about them.
        let en = "At least 50 fighters died, the Coastal Rescue Service said.\n12 civilians were killed by rockets fired by the Liberation Front.";
        assert_eq!(one("en", en, 12), None);
    }

    #[test]
    fn the_medium_spoken_on_stands_before_an_inverted_subject() {
        let fr = "Au moins 14 personnes sont mortes, a précisé sur la messagerie Telegram Ilona Marchenko, la gouverneure.";
        assert_eq!(one("fr", fr, 14).as_deref(), Some("Ilona Marchenko"));
        let es = "Al menos 14 personas murieron, informó en su canal de Telegram Ilona Marchenko, la gobernadora.";
        assert_eq!(one("es", es, 14).as_deref(), Some("Ilona Marchenko"));
        let en = "At least 14 people died, wrote on the messaging app Telegram Ilona Marchenko, the regional governor.";
        assert_eq!(one("en", en, 14).as_deref(), Some("Ilona Marchenko"));
    }

    #[test]
    fn a_role_speaks_past_its_complement() {
        let en = "Twelve people drowned after the dam broke, the mayor of the mountain town said on Monday.";
        assert_eq!(one("en", en, 12).as_deref(), Some("mayor of the mountain town"));
        let en = "Officials in the Murcia region, where at least 30 died, said the rain had stopped.";
        assert_eq!(one("en", en, 30).as_deref(), Some("Murcia regional authorities"));
        let en = "Officials in the Norvia region, where at least 30 died, said the rain had stopped.";
        assert_eq!(one("en", en, 30).as_deref(), Some("officials in the Norvia region"));
        let fr = "Douze personnes sont mortes, le maire de la petite commune a indiqué lundi.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("le maire de la petite commune"));
        let es = "Doce personas murieron, el alcalde del pequeño pueblo informó el lunes.";
        assert_eq!(one("es", es, 12).as_deref(), Some("alcalde del pequeño pueblo"));
    }

    #[test]
    fn a_count_that_is_the_subject_of_a_reporting_verb_names_no_one() {
        let fr = "Selon la Croix-Rouge, 40 personnes sont mortes. Un premier bilan faisait état de 25 morts.";
        assert_eq!(one("fr", fr, 25), None);
        let es = "Según la Cruz Roja, hay 40 muertos.\nEl balance anterior cifró en 25 los muertos.";
        assert_eq!(one("es", es, 25), None);
        // A verb without a subject still goes on with the last speaker.
        let en = "At least 40 people died, the Red Cross said. Another 25 were injured, it reported.";
        assert_eq!(one("en", en, 25).as_deref(), Some("Red Cross"));
    }

    #[test]
    fn a_toll_that_closes_its_paragraph_goes_on_into_the_next_sentence() {
        let fr = "Selon la Protection civile de Norvie, le bilan s'élève à 31 morts.\nEn outre, 12 personnes sont portées disparues. Les pluies continuent, 3 maçons ont été blessés sur un chantier.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("Norvie emergency services"));
        // Past the first sentence, the outlet speaks again.
        assert_eq!(one("fr", fr, 3), None);
        let es = "La Agencia de Rescate de Ostia informó de 8 muertos.\nOtras 20 personas resultaron heridas.";
        assert_eq!(one("es", es, 20).as_deref(), Some("Agencia de Rescate de Ostia"));
        // A speaker who gave no figure does not go on; nor does one followed by a cue of its own.
        let en = "The Harbour Police Department said the port was closed.\nAt least 6 people died.";
        assert_eq!(one("en", en, 6), None);
        let en = "The Harbour Police Department said 9 people died.\nAt least 6 people drowned, officials said.";
        assert_ne!(one("en", en, 6).as_deref(), Some("Harbour Police Department"));
        // A sentence that names someone else is about them, in the outlet's voice.
        let en = "The Harbour Police Department said 9 people died.\nDivers of the Coastal Rescue Service saved 14 people.";
        assert_eq!(one("en", en, 14), None);
        let es = "La Agencia de Rescate de Ostia informó de 8 muertos.\nLos buzos de la Cruz Roja rescataron a 14 personas.";
        assert_eq!(one("es", es, 14), None);
        let fr =
            "Selon la Protection civile de Norvie, le bilan s'élève à 31 morts.\nLes plongeurs de la Croix-Rouge ont secouru 14 personnes.";
        assert_eq!(one("fr", fr, 14), None);
        // A paragraph opened by the event tells of it in the outlet's voice.
        let es = "La Agencia de Rescate de Ostia informó de 8 muertos.\nEl atentado, que dejó unos 60 heridos, conmocionó al país.";
        assert_eq!(one("es", es, 60), None);
        let fr = "Selon la Protection civile de Norvie, le bilan s'élève à 31 morts.\nUn autre séisme, le 3 mai, avait fait 5 morts.";
        assert_eq!(one("fr", fr, 5), None);
        let en = "The Harbour Police Department said 9 people died.\nThe explosion also injured 40 people nearby.";
        assert_eq!(one("en", en, 40), None);
    }

    #[test]
    fn a_named_person_speaks_for_the_body_they_work_for() {
        let en =
            "Amani Mbeki of the Lakeside news agency cited data from local hospitals, claiming the storm had killed at least 35 people.";
        assert_eq!(one("en", en, 35).as_deref(), Some("Amani Mbeki"));
        let en = "Kivu-based Amani Mbeki of the Red Cross said the storm had killed at least 35 people.";
        assert_eq!(one("en", en, 35).as_deref(), Some("Amani Mbeki"));
        let fr = "Paul Ndiaye du Service national des secours a indiqué que 12 personnes étaient mortes.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("Paul Ndiaye"));
        let es = "Tomás Prieto de la Cruz Roja informó que 8 personas murieron.";
        assert_eq!(one("es", es, 8).as_deref(), Some("Tomás Prieto"));
    }

    #[test]
    fn the_outlet_that_relays_a_speaker_does_not_speak() {
        let fr = "Le ministère de la Santé, cité par l'agence Tass, a indiqué que 12 personnes sont mortes.";
        assert_eq!(one("fr", fr, 12).as_deref(), Some("health ministry"));
        let es = "El Ministerio de Salud, citado por la agencia TASS, informó que 12 personas murieron.";
        assert_eq!(one("es", es, 12).as_deref(), Some("health ministry"));
        let en = "The governor was quoted by Reuters as saying 10 people died.";
        assert_eq!(one("en", en, 10).as_deref(), Some("governor"));
    }

    #[test]
    fn a_report_stands_for_who_published_it_unless_its_owner_is_named() {
        let es = "La Cruz Roja contó 12 muertos. El informe revela además que 30 personas resultaron heridas.";
        assert_eq!(one("es", es, 30).as_deref(), Some("Red Cross"));
        let fr = "La Croix-Rouge a compté 12 morts. Le rapport révèle aussi que 30 personnes ont été blessées.";
        assert_eq!(one("fr", fr, 30).as_deref(), Some("Red Cross"));
        let en = "The Red Cross counted 12 dead. The report also reveals that 30 people were injured.";
        assert_eq!(one("en", en, 30).as_deref(), Some("Red Cross"));
        let es = "La Cruz Roja contó 12 muertos. \"20 personas siguen desaparecidas\", señala el comunicado en Telegram del jefe de la Policía Nacional, Iván Petrov.";
        assert_eq!(one("es", es, 20).as_deref(), Some("Iván Petrov"));
    }

    #[test]
    fn a_speaker_named_beats_a_report_that_names_no_one() {
        let fr = "Un nouveau bilan fait état de 158 morts, a indiqué la protection civile.";
        assert_eq!(one("fr", fr, 158).as_deref(), Some("emergency services"));
        let es = "Un nuevo balance da cuenta de 158 muertos, informó la protección civil.";
        assert_eq!(one("es", es, 158).as_deref(), Some("emergency services"));
        let en = "A new toll reports 158 dead, civil protection said.";
        assert_eq!(one("en", en, 158).as_deref(), Some("emergency services"));
    }

    #[test]
    fn a_cue_that_bound_no_one_ends_the_lede() {
        let es = "Una patera naufragó. Un pesquero sacó del agua a 31 personas, informó el organismo. \
                  Otras 12 personas siguen desaparecidas. Según la ONG Caminando Fronteras, 35 personas murieron.";
        assert_eq!(one("es", es, 12), None);
        let fr = "Un bateau a chaviré. Un chalutier a sorti de l'eau 31 personnes, a indiqué l'organisme. \
                  Douze personnes sont toujours portées disparues. Selon l'ONG Caminando Fronteras, 35 personnes sont mortes.";
        assert_eq!(one("fr", fr, 12), None);
        let en = "A boat capsized. A trawler pulled 31 people from the water, the agency said. \
                  Twelve people are still missing. According to the NGO Caminando Fronteras, 35 people died.";
        assert_eq!(one("en", en, 12), None);
    }

    #[test]
    fn an_abbreviated_title_leads_to_its_name() {
        let en = "Two people were killed, according to Sgt. Ruth Amadi of the county police.";
        assert_eq!(one("en", en, 2).as_deref(), Some("Ruth Amadi"));
        let es = "Dos personas murieron, según el Dr. Tomás Ibarguen, director del hospital.";
        assert_eq!(one("es", es, 2).as_deref(), Some("Tomás Ibarguen"));
        let fr = "Deux personnes sont mortes, selon le Dr. Hélène Barbaroux, médecin urgentiste.";
        assert_eq!(one("fr", fr, 2).as_deref(), Some("Hélène Barbaroux"));
    }

    #[test]
    fn a_hazard_s_name_before_a_surname_is_a_person_s() {
        // "Dana" also names a Spanish storm.
        let en = "Three people died in the blaze, Dana Ferreira, the fire chief, said.";
        assert_eq!(one("en", en, 3).as_deref(), Some("Dana Ferreira"));
        let es = "Tres personas murieron en el incendio, dijo Dana Ferreira, jefa de bomberos.";
        assert_eq!(one("es", es, 3).as_deref(), Some("Dana Ferreira"));
    }

    #[test]
    fn what_one_learnt_from_a_source_is_that_source_s() {
        let fr = "Deux hommes ont été tués vendredi, a-t-on appris samedi de source policière.";
        assert_eq!(one("fr", fr, 2).as_deref(), Some("police"));
        let fr = "Deux hommes ont été tués vendredi, apprend-on auprès des pompiers.";
        assert_eq!(one("fr", fr, 2).as_deref(), Some("emergency services"));
    }

    #[test]
    fn a_report_published_by_a_body_is_that_body_s() {
        let fr = "Les pluies ont fait 61 morts, selon un nouveau bilan publié vendredi par le ministère de l'Action sociale.";
        assert_eq!(one("fr", fr, 61).as_deref(), Some("ministère de l'Action sociale"));
        let en = "The rains have killed 61 people, according to a new toll released on Friday by the Office for Social Action.";
        assert_eq!(one("en", en, 61).as_deref(), Some("Office for Social Action"));
    }
}
