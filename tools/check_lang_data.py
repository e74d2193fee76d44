#!/usr/bin/env python3
"""Check the language data in lang/<code>/ without building the Rust code.

- every TOML file parses and has the expected shape;
- every boilerplate pattern compiles (Python `re`, IGNORECASE) and uses no
  construct that Rust's `regex` lacks (lookaround, backreferences, possessive
  quantifiers); when the `rurex` binding of Rust's regex crate (pip install
  rurex) or ripgrep (built on it) is installed, each pattern is also compiled
  and run by Rust's regex on the examples;
- each language's boilerplate examples below match some pattern of that
  language, and the article sentences below match no pattern of any language
  (the cleaner applies every language's patterns to every article);
- optionally (--corpus DIR, or ../shared/corpus when it exists), no line that
  holds a gold figure quote is boilerplate, and with -v the corpus lines that
  would be removed are listed for review. The demo answer key in
  samples/demo/expected is checked the same way.

All example sentences are made up for this check.
Usage: python3 tools/check_lang_data.py [-v] [--corpus DIR]
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["fr", "en", "es"]
KINDS = {"related", "social", "navigation", "byline", "credit", "timestamp", "advert", "cookie", "other"}

BOILERPLATE = {
    "fr": [
        "Lire aussi : Inondations en Espagne : le bilan s'alourdit encore",
        "Lire aussi", "LIRE AUSSI >> Ce que l'on sait", "Lire :", "Lire : les secours débordés",
        "À lire aussi - Le point sur la situation", "À LIRE AUSSI", "À lire également",
        "Voir aussi : notre carte interactive", "Lire la suite", "Lire l'article", "Les plus lus",
        "Sur le même sujet", "Retrouvez notre dossier sur les inondations", "Read more: Another story",
        "Suivez-nous sur Google News", "Suivez-nous sur WhatsApp", "Suivez nous sur Facebook",
        "For Latest Updates Follow us on Google News", "Partager", "Partager sur Facebook",
        "Partager sur X", "Facebook Twitter WhatsApp", "Facebook, Twitter, E-mail", "Copier le lien",
        "Lien copié", "• Copié", "MD Accueil Envoyer à un ami Partager sur facebook",
        "Envoyer par e-mail", "• 0",
        "PREV Un titre quelconque d'un autre article", "NEXT un autre titre sans rapport", "PREV / NEXT",
        "Article précédent", "Article suivant : Les secours reprennent", "Précédent / Suivant",
        "Accueil > International > Europe", "Accueil", "Category Archives: Politique",
        "Mise à jour : 16/03/2025 à 14h05", "Mise à jour : à 21h13, avec ajout d'une déclaration.",
        "Mis à jour le 12 mars 2025 à 08h40", "Publié le 21/03/2025 à 11h52",
        "Publié le 30/11/2024 07:38 - Source Article & Image: exemple.fr",
        "Publié le lundi 14 mars 2025 à 19h30", "Publié le 14 mars 2025 à 19h30, mis à jour à 21h00",
        "Publié le 14/03/2025 | Mis à jour le 15/03/2025", "Publié aujourd'hui à 10h30",
        "Rédigé le 30/11/2024", "Rédigé par exemple.net le Mardi 4 Mars 2025 à 08:15 | | 2 commentaire(s)|",
        "Dimanche 10 septembre 2023", "14/03/2025 à 19h30", "10:57", "• 13:40",
        "Cet article est actualisé au fil des nouveaux bilans.",
        "agences/afp", "Par AFP", "Par l'AFP", "Par la rédaction avec AFP · Publié le 14 mars 2025 à 19h30",
        "Par Jean Dupont", "Par Jean-Pierre Martin, envoyé spécial à Alep", "Par Marie de La Tour",
        "(avec AFP)", "avec AFP , modifié à", "Avec AFP et Reuters", "La Rédaction", "(Belga)", "AFP",
        "Source : AFP", "Source", "Source link : https://exemple.fr/article", "Author : EXEMPLE 24",
        "Publish date : 2024-11-30 06:23:38", "Copyright for syndicated content belongs to the linked Source.",
        "© AFP", "© 2025 Le Quotidien – Tous droits réservés", "Crédit photo : Jean Dupont / AFP", "Crédit",
        "Crédits photo : DR", "Photo : AFP / Marie Durand", "Photo: Reuters", "Photo d'illustration",
        "(Photo AFP)", "Jean Dupont / AFP", "EPA/Marie Durand", "AP Photo/Jean Dupont",
        "Une rue inondée d'une ville côtière, vendredi 14 mars. Photo : AFP / Jean Dupont",
        "Des combattants dans la banlieue d'une ville, le vendredi 29 novembre 2024. AP Photo/Jean Dupont",
        "0 commentaire(s)", "Commentaires", "12 commentaires", "Réagir",
        "Newsletter", "Inscrivez-vous à notre newsletter", "Recevez gratuitement notre newsletter quotidienne",
        "Publicité", "La suite après cette publicité", "Réservé aux abonnés",
        "Il vous reste 75% de cet article à lire.",
        "Nous utilisons des cookies pour mesurer l'audience et vous proposer des contenus adaptés.",
        "Tout accepter", "Continuer sans accepter", "Gérer les cookies", "En savoir plus", "Mentions légales",
        "https://exemple.fr/une-page",
    ],
    "en": [
        "Read more: Rescue teams race against time", "Read more", "Read also: Another story",
        "Also read: Another story", "READ MORE", "Related: Another story", "Related", "Related articles",
        "See also: Another story", "Most read", "You may also like", "Continue reading",
        "Read the full story on Example News", "Follow us on Google News",
        "For Latest Updates Follow us on Google News", "Follow Example News on X", "Share",
        "Share this page:", "Share this article", "Share on Facebook", "Facebook Twitter WhatsApp Email",
        "Copy link", "Link copied", "Post", "WhatsApp", "• 0", "PREV", "NEXT Another headline",
        "Previous article", "Next article: Another headline", "Previous / Next", "Updated 10:32 GMT",
        "Updated: March 14, 2025", "Last updated on 14 March 2025 at 10:32",
        "Published 14 March 2025", "Published: 10:32 GMT, 14 March 2025", "Published Sept. 12, 2023 at 4:05 p.m. ET",
        "Published by John Smith 5 April 2025", "Date of publication: 10 February, 2016",
        "10th September 2023, 19:46 GMT+10", "Thursday ,11 February 2016", "March 14, 2025",
        "• 13:40", "00:02", "2 hours ago", "By Reuters staff", "By Reuters", "By staff reporter",
        "By our correspondent in Van ·", "By-examplenews", "By John Smith", "By JOHN SMITH, Associated Press",
        "By Jane Doe and John Roe", "By John A. Smith | Reuters", "By Jane Doe, CNN",
        "Reporting by John Smith; Editing by Jane Doe", "(With AFP)", "The Example Post & agencies",
        "Reuters", "AFP", "Source: Example News Agency", "Source link : https://example.com/a",
        "Author: EXAMPLE", "Publish date : 2024-11-30 06:23:38", "© AFP",
        "Copyright 2025 The Associated Press. All rights reserved.", "Photo: Reuters",
        "Photo credit: John Smith/AFP", "(Photo by John Smith/Getty Images)", "Getty Images",
        "AFP via Getty Images", "Image source, Getty Images", "John Smith/AP Photo/dpa/picture alliance",
        "Residents look at cars piled up in a street. Photograph: John Smith/AP",
        "Rivers overflowed their banks Image: John Smith/AP Photo/dpa/picture alliance",
        "Rescuers search the rubble of a building this month [Getty]",
        "A man walks past debris in a flooded street. (Photo by John Smith/Getty Images)",
        "0 comments", "Comments", "Leave a comment", "Newsletter", "Sign up for our newsletter",
        "Subscribe to our daily newsletter",
        "We use cookies to improve your experience and to show relevant adverts. By continuing to browse you agree to our",
        "Accept", "Accept all", "Manage settings", "Cookie policy", "Advertisement",
        "Story continues below advertisement", "Scroll to continue with content", "Category Archives: Box Office",
        "Home > World > Europe", "Breaking News", "Skip to main content", "Privacy", "Terms of use",
    ],
    "es": [
        "Leer también: Ayudas para los afectados, paso a paso", "Lee también: Otra noticia",
        "Lea también", "LEER MÁS", "Te puede interesar", "Te puede interesar: Otra noticia",
        "Le puede interesar", "Puede interesarte: Otra noticia", "Relacionado", "Relacionado: Otra noticia",
        "Noticias relacionadas", "Más información", "Leer noticia completa en Ejemplo.", "Sigue leyendo",
        "Lo más leído", "Read more: Another story", "Síguenos en Google News", "Síguenos en Instagram y X",
        "For Latest Updates Follow us on Google News", "Suscríbete a nuestro canal de WhatsApp",
        "Únete a nuestro canal de WhatsApp", "Compartir", "Compartir en Facebook",
        "Facebook Twitter WhatsApp Correo", "Copiar enlace", "Enlace copiado",
        "Artículo anterior", "Artículo siguiente", "Noticia siguiente: Otra noticia", "PREV / NEXT",
        "Actualizado: 04 de enero de 2026 a las 11:16", "• Actualizado: 04 de enero de 2026 a las 11:16",
        "Actualizado: 13/03/2025 - 13:20", "Actualizado el 14/03/2025 a las 10:20 h",
        "Publicado el 12 de marzo de 2025, 10:05", "Publicado: 12/03/2025 10:05",
        "Última actualización: 14 mar 2025 13:20", "Actualizado hace 2 horas",
        "Lunes, 4 de noviembre de 2024", "4 de noviembre de 2024 - 10:20", "10:20 h",
        "Published by John Smith 5 de abril, 2025",
        "Redacción | Murcia", "Redacción", "Por Redacción", "Por EFE", "Por Juan Pérez",
        "Por María José López de la Fuente", "Con información de EFE",
        "(Con información de EFE y Europa Press)", "Agencia EFE", "EFE", "Agencias", "EFE | Madrid",
        "Fuente: Ejemplo", "Autor: Juan Pérez", "Publicado por Juan Pérez",
        "EFE/Manuel Pérez", "Manuel Pérez | EFE", "Foto: Cortesía", "Foto: EFE", "Foto de archivo",
        "(Foto: EFE)", "Fotografía: Juan Pérez", "© EFE", "Todos los derechos reservados",
        "Vecinos limpian una calle llena de barro en una localidad valenciana. (Foto: EFE)",
        "0 comentarios", "Comentarios", "Deja tu comentario", "Newsletter",
        "Suscríbete a nuestra newsletter", "Recibe nuestro boletín diario",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "Aceptar", "Rechazar todo", "Configurar cookies", "Política de cookies",
        "Publicidad", "1. Inicio", "Inicio > Nacional > Valencia", "Category Archives: Deportes",
        "Archivo de la categoría: Deportes", "Etiquetas: DANA, Valencia", "Última hora", "En directo",
        "Contenido exclusivo para suscriptores",
    ],
}

ARTICLE = {
    "fr": [
        "Selon l'AFP, au moins 12 personnes sont mortes dans la nuit.",
        "Par ailleurs, le gouvernement a annoncé l'envoi de renforts.",
        "Par peur des représailles, les habitants ont fui vers le nord.",
        "Par Dieu, nous avons survécu, a raconté une habitante.",
        "Publié le 12 mars 2024, le rapport de l'ONU fait état de 300 morts.",
        "Rédigé par des experts indépendants le 12 mars 2024, le rapport conclut à une catastrophe.",
        "Mis à part les secouristes, personne n'a pu accéder à la zone.",
        "Mise en place d'un couvre-feu dans la ville.",
        "Une photo prise par un habitant montre l'ampleur des dégâts.",
        "Photo à l'appui, le maire a dénoncé l'inaction des autorités.",
        "Le journal a publié une photo de l'AFP montrant les décombres.",
        "Suivant les recommandations de la préfecture, les écoles resteront fermées.",
        "Précédent bilan : 14 morts et 250 blessés.",
        "Crédit Agricole : le bénéfice recule de 12 % au troisième trimestre.",
        "Lire entre les lignes n'est pas toujours facile, reconnaît le ministre.",
        "Voir Naples et mourir, disait-on autrefois.",
        "À voir si le cessez-le-feu tiendra dans les prochains jours.",
        "Partager le fardeau de l'accueil des réfugiés reste un défi pour l'Europe.",
        "Les vidéos partagées sur les réseaux sociaux montrent des rues inondées.",
        "Commentaires et critiques se sont multipliés après la décision du gouvernement.",
        "Source de tensions, la question de l'eau divise les deux pays.",
        "Accueil des sinistrés : la mairie ouvre un gymnase.",
        "La newsletter du ministère évoque 40 victimes.",
        "Avec l'AFP et Reuters, les médias internationaux ont couvert l'événement.",
        "Mardi 12 novembre 2024, les secours ont retrouvé deux corps.",
        "Le 14 mars à 10h, la préfecture a levé l'alerte.",
        "Hier à 18h30, le bilan s'élevait à 22 morts.",
        "Publicité mensongère : une enquête a été ouverte.",
        "Des combats proches de la ville",
        "400 gendarmes supplémentaires",
        "Un correspondant de l'AFP sur place a fait état d'intenses combats.",
        "Un garde a été blessé, selon une source de sécurité citée par l'AFP.",
        "Le ministre a appelé à partager sur Facebook les consignes de sécurité.",
        "La Rédaction du rapport a pris six mois, selon ses auteurs.",
        "Retour au calme dans la capitale après trois jours d'émeutes.",
        "L'article 49.3 a été utilisé pour la troisième fois.",
        "Cet article de loi a été modifié en 2019.",
        "Les habitants, qui avaient tout perdu, ont été relogés.",
        "Ce site est classé au patrimoine mondial de l'Unesco.",
        "Nous utilisons tous les moyens disponibles, a déclaré le préfet.",
    ],
    "en": [
        "By Tuesday, the death toll had risen to 95.",
        "By Tuesday night rescuers had reached the village.",
        "By the time rescuers arrived, the building had collapsed.",
        "By John's account, 40 people were still missing.",
        "Read the statement in full on the ministry's website.",
        "Related reports said at least 20 people had died.",
        "Next week, the government will announce a reconstruction plan.",
        "Previous tolls had put the number of dead at 62.",
        "Published in The Lancet on Monday, the study found 12,000 excess deaths.",
        "Published Monday in the journal, the study found 12,000 excess deaths.",
        "Published by Penguin in 2019, the memoir describes the war.",
        "Updated figures released on Monday show 158 deaths.",
        "Photographs shared on social media showed flooded streets.",
        "Share prices fell 3% in early trading.",
        "Follow-up inspections found 23 buildings unsafe.",
        "Sources said at least 40 people were killed.",
        "The agency said 612 people had been treated, according to AFP.",
        "Reuters could not independently confirm the figures.",
        "Getty Images photographers documented the destruction.",
        "Comments from the minister drew criticism.",
        "Home to 30,000 people, the town was the worst hit.",
        "Advertising revenue fell sharply last year.",
        "Accept the offer, the minister urged.",
        "Thursday, 11 February 2016, was the deadliest day.",
        "Power outages, no drinking water",
        "Condolences from PM, king",
        "Sen. Bill Cassidy issued a statement after the vote.",
        "More from the rescue teams arrived on Tuesday.",
        "We use every resource we have, the mayor said.",
        "Image quality was poor, but the footage showed collapsed houses.",
        "Credit card payments were suspended across the region.",
        "Source of the blaze remains unknown, officials said.",
    ],
    "es": [
        "Según la AFP, al menos 95 personas murieron en Valencia.",
        "Por la mañana, los equipos de rescate reanudaron la búsqueda.",
        "Por Valencia pasaron más de 10.000 voluntarios durante el fin de semana.",
        "Actualizado el balance, el Gobierno elevó a 211 el número de fallecidos.",
        "Publicado en el BOE, el decreto declara zona catastrófica a 75 municipios.",
        "Fotos y vídeos difundidos en redes sociales muestran coches arrastrados.",
        "Compartir la información es clave, dijo la alcaldesa.",
        "Siguiente paso: la reconstrucción de las viviendas.",
        "Relacionado con la riada, el tribunal investiga a la Generalitat.",
        "Redacción de un nuevo protocolo de emergencias: el Gobierno lo aprobará en marzo.",
        "Con información de los servicios de emergencia, el Gobierno actualizó el balance.",
        "La Agencia EFE informó de 64 fallecidos.",
        "Hoy, 4 de noviembre de 2024, se cumplen cinco días de la tragedia.",
        "Leer entre líneas no siempre es fácil.",
        "Más información sobre los desaparecidos se dará a conocer mañana.",
        "Inicio de la búsqueda: 8.00 horas.",
        "Publicidad engañosa: multa de 2 millones a una constructora.",
        "El alcalde recibió el boletín oficial con las ayudas.",
        "Manu Bruque, fotógrafo de EFE, documentó la tragedia.",
        "Fuentes del Gobierno elevan a 95 el número de muertos.",
        "Foto a foto, los vecinos reconstruyen lo que perdieron.",
        "Anterior al desastre, el pueblo tenía 25.000 habitantes.",
        "Actualizado a las 10:00, el balance oficial era de 158 muertos.",
        "El lunes 4 de noviembre, los reyes visitaron Paiporta.",
        "Te lo digo yo: esto no había pasado nunca, dijo un vecino.",
        "Utilizamos todos los medios disponibles, aseguró el ministro.",
        "Por Dios, que vengan a ayudarnos, gritaba una vecina.",
        "Europa Press, citando fuentes policiales, informó de tres muertos.",
        "Tabla de posiciones",
        "Última hora de la DANA en Valencia",
    ],
}

UNSUPPORTED = [
    (r"\(\?[=!]", "lookahead"),
    (r"\(\?<[=!]", "lookbehind"),
    (r"\\[1-9]", "backreference"),
    (r"(?<!\\)[*+?}]\+", "possessive quantifier"),
    (r"\(\?P=", "named backreference"),
    (r"\(\?>", "atomic group"),
]


def fail(errors, msg):
    errors.append(msg)


def load(errors):
    data = {}
    for code in LANGS:
        folder = ROOT / "lang" / code
        d = {}
        for name in ["lang.toml", "cleaning.toml", "dates.toml"]:
            try:
                d[name] = tomllib.loads((folder / name).read_text(encoding="utf-8"))
            except Exception as e:  # noqa: BLE001
                fail(errors, f"lang/{code}/{name}: {e}")
                d[name] = {}
        data[code] = d
    return data


def check_shapes(data, errors):
    for code, d in data.items():
        meta = d["lang.toml"]
        if meta.get("code") != code:
            fail(errors, f"lang/{code}/lang.toml: code is {meta.get('code')!r}")
        for key in ["name", "whatlang"]:
            if not isinstance(meta.get(key), str):
                fail(errors, f"lang/{code}/lang.toml: {key} missing")
        cl = d["cleaning.toml"]
        unknown = set(cl) - {"abbreviations", "boilerplate", "glue_prefixes"}
        if unknown:
            fail(errors, f"lang/{code}/cleaning.toml: unknown keys {sorted(unknown)}")
        abbr = cl.get("abbreviations", [])
        if not all(isinstance(a, str) and a.endswith(".") for a in abbr):
            fail(errors, f"lang/{code}/cleaning.toml: every abbreviation must end with '.'")
        if len(set(abbr)) != len(abbr):
            fail(errors, f"lang/{code}/cleaning.toml: duplicate abbreviations")
        for i, rule in enumerate(cl.get("boilerplate", [])):
            if set(rule) != {"kind", "pattern"}:
                fail(errors, f"lang/{code}/cleaning.toml: boilerplate #{i + 1} keys {sorted(rule)}")
            if rule.get("kind") not in KINDS:
                fail(errors, f"lang/{code}/cleaning.toml: boilerplate #{i + 1} kind {rule.get('kind')!r}")
        dt = d["dates.toml"]
        months, weekdays = dt.get("months", []), dt.get("weekdays", [])
        if len(months) != 12 or len(weekdays) != 7:
            fail(errors, f"lang/{code}/dates.toml: {len(months)} months, {len(weekdays)} weekdays")
        for key in ["today", "yesterday", "day_before_yesterday", "tomorrow"]:
            if not dt.get(key):
                fail(errors, f"lang/{code}/dates.toml: {key} is empty")
        names = [w for entry in months + weekdays for w in entry] + [
            w for key in ["today", "yesterday", "day_before_yesterday", "tomorrow"] for w in dt.get(key, [])
        ]
        for w in names:
            if not isinstance(w, str) or w != w.lower() or w != w.strip() or not w:
                fail(errors, f"lang/{code}/dates.toml: {w!r} is not a lower-case word")
        if len(set(w for entry in months for w in entry)) != sum(len(e) for e in months):
            fail(errors, f"lang/{code}/dates.toml: a month spelling is repeated")


def compile_patterns(data, errors):
    compiled = {}
    for code, d in data.items():
        rules = []
        for i, rule in enumerate(d["cleaning.toml"].get("boilerplate", [])):
            pat = rule.get("pattern", "")
            for rx, what in UNSUPPORTED:
                if re.search(rx, pat):
                    fail(errors, f"lang/{code} boilerplate #{i + 1}: {what} is not supported by Rust regex")
            try:
                rules.append((i + 1, rule.get("kind"), pat, re.compile(pat, re.IGNORECASE)))
            except re.error as e:
                fail(errors, f"lang/{code} boilerplate #{i + 1}: {e}: {pat}")
        compiled[code] = rules
    return compiled


def all_rules(compiled):
    return [(f"{code}#{n}", kind, pat, rx) for code in LANGS for n, kind, pat, rx in compiled[code]]


def matching(rules, line):
    line = line.strip()
    return [(n, kind) for n, kind, _, rx in rules if rx.search(line)]


def check_examples(compiled, errors):
    for code in LANGS:
        rules = compiled[code]
        for line in BOILERPLATE[code]:
            if not matching(rules, line):
                fail(errors, f"{code}: boilerplate not matched: {line!r}")
        for line in ARTICLE[code]:
            hits = matching(all_rules(compiled), line)
            if hits:
                fail(errors, f"{code}: article sentence matched by {hits}: {line!r}")


def check_with_rust_regex(compiled, errors):
    """Run every pattern through Rust's regex crate on the examples: with the
    `rurex` binding (pip install rurex) when installed, else with ripgrep."""
    try:
        import rurex
    except ImportError:
        rurex = None
    if rurex:
        for code in LANGS:
            lines = [l.strip() for l in BOILERPLATE[code] + ARTICLE[code]]
            rs_hits = set()
            for n, _, pat, _ in compiled[code]:
                try:
                    rx = rurex.compile(pat, rurex.IGNORECASE)
                except Exception as e:  # noqa: BLE001
                    fail(errors, f"lang/{code} boilerplate #{n}: Rust regex rejects it: {e}")
                    continue
                rs_hits |= {l for l in lines if rx.search(l)}
            py_hits = {l for l in lines if matching(compiled[code], l)}
            for l in sorted(py_hits ^ rs_hits):
                fail(errors, f"{code}: Python and Rust regex disagree on {l!r}")
        return
    rg = shutil.which("rg")
    if not rg:
        print("neither rurex nor ripgrep installed: Rust regex syntax not checked")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for code in LANGS:
            lines = [l.strip() for l in BOILERPLATE[code] + ARTICLE[code]]
            path = Path(tmp) / f"{code}.txt"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            py_hits = {l for l in lines if matching(compiled[code], l)}
            rs_hits = set()
            for n, _, pat, _ in compiled[code]:
                r = subprocess.run(
                    [rg, "--no-config", "-i", "--no-filename", "--no-line-number", "-e", pat, str(path)],
                    capture_output=True,
                    text=True,
                )
                if r.returncode == 2:
                    fail(errors, f"lang/{code} boilerplate #{n}: Rust regex rejects it: {r.stderr.strip()}")
                rs_hits |= set(r.stdout.splitlines())
            for l in sorted(py_hits ^ rs_hits):
                fail(errors, f"{code}: Python and Rust regex disagree on {l!r}")


def gold_lines(corpus):
    """(lang, article text, quote) for each gold figure of the corpus."""
    gold = corpus / "gold"
    if not (gold / "figures.jsonl").exists():
        return []
    langs = {}
    for l in (gold / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if l.strip():
            o = json.loads(l)
            langs[o["id"]] = o.get("lang")
    out = []
    for l in (gold / "figures.jsonl").read_text(encoding="utf-8").splitlines():
        if l.strip():
            o = json.loads(l)
            path = corpus / "articles" / f"{o['article']}.txt"
            if path.exists() and o.get("quote"):
                out.append((langs.get(o["article"]), path.read_text(encoding="utf-8"), o["quote"]))
    return out


def demo_lines():
    demo = ROOT / "samples" / "demo"
    exp = demo / "expected" / "figures.jsonl"
    if not exp.exists():
        return []
    langs, texts = {}, {}
    for l in (demo / "expected" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if l.strip():
            o = json.loads(l)
            langs[o["id"]] = o.get("lang")
    for l in (demo / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if l.strip():
            o = json.loads(l)
            if "text" in o:
                texts[o["id"]] = o["text"]
            elif o.get("file", "").endswith(".txt"):
                raw = (demo / o["file"]).read_bytes()
                try:
                    texts[o["id"]] = raw.decode("utf-8")
                except UnicodeDecodeError:
                    texts[o["id"]] = raw.decode("cp1252")
    out = []
    for l in exp.read_text(encoding="utf-8").splitlines():
        if l.strip():
            o = json.loads(l)
            if o["article"] in texts:
                out.append((langs.get(o["article"]), texts[o["article"]], o["quote"]))
    return out


def check_quotes(compiled, items, where, errors):
    rules = all_rules(compiled)
    for _lang, text, quote in items:
        for line in text.splitlines():
            if quote in line or (len(line.strip()) > 20 and line.strip() in quote):
                hits = matching(rules, line)
                if hits:
                    fail(errors, f"{where}: line with gold quote {quote!r} matched by {hits}")


def list_corpus_removals(compiled, corpus):
    rules = all_rules(compiled)
    for path in sorted((corpus / "articles").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            hits = matching(rules, line)
            if hits:
                print(f"  {path.stem} [{hits[0][1]} {hits[0][0]}] {line.strip()[:110]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", action="store_true", help="list the corpus lines that would be removed")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    errors = []
    data = load(errors)
    check_shapes(data, errors)
    compiled = compile_patterns(data, errors)
    check_examples(compiled, errors)
    check_with_rust_regex(compiled, errors)
    check_quotes(compiled, demo_lines(), "samples/demo", errors)
    if (args.corpus / "articles").is_dir():
        check_quotes(compiled, gold_lines(args.corpus), str(args.corpus), errors)
        if args.v:
            print(f"lines of {args.corpus} that would be removed:")
            list_corpus_removals(compiled, args.corpus)
    for e in errors:
        print("FAIL", e)
    counts = ", ".join(f"{c}: {len(compiled[c])} patterns" for c in LANGS)
    print(f"{'FAILED' if errors else 'ok'} ({counts}; {len(errors)} problems)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
