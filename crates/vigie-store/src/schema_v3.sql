-- Version 3: what lists and reports read without recomputing it.
-- Each article's entities as found at ingest (JSON).
CREATE TABLE article_entities (
    article TEXT PRIMARY KEY REFERENCES articles(id),
    entities TEXT NOT NULL
);

-- One row per story, refreshed when its articles change; `digest` is JSON
-- written by the presentation layer (headline toll, sparkline, places, actors).
CREATE TABLE story_summaries (
    story TEXT PRIMARY KEY,
    title TEXT,
    articles INTEGER NOT NULL,
    languages TEXT NOT NULL,
    first TEXT,
    last TEXT,
    digest TEXT
);
CREATE INDEX story_summaries_order ON story_summaries(articles DESC, first, story);

-- Stories stored before this version get their summary now (without headline).
INSERT INTO story_summaries (story, title, articles, languages, first, last)
SELECT s.story,
       (SELECT t.title FROM story_articles st JOIN articles t ON t.id = st.article
        WHERE st.story = s.story AND t.title IS NOT NULL ORDER BY t.published IS NULL, t.published, t.rowid LIMIT 1),
       count(*), coalesce(group_concat(DISTINCT a.lang), ''), min(a.published), max(a.published)
FROM story_articles s JOIN articles a ON a.id = s.article GROUP BY s.story;
