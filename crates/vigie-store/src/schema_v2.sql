-- Version 2: each article's story and extracted figures.
CREATE TABLE story_articles (
    article TEXT PRIMARY KEY REFERENCES articles(id),
    story TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles(story);

-- Figures as JSON (the model's `Figure`), in the article's order: `part_of` indexes that order.
CREATE TABLE figures (
    article TEXT NOT NULL REFERENCES articles(id),
    n INTEGER NOT NULL,
    figure TEXT NOT NULL,
    PRIMARY KEY (article, n)
);
