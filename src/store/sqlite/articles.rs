//! The SQL of the web view's evidence pane: an article's title and body,
//! so that `serve` can show the title and mark a span inside its sentence
//! (for an article ingested without its body, the body as far as its
//! stored sentences give it).

use rusqlite::params;

use super::{Sqlite, StoreError};
use crate::store::body_from_sentences;

impl Sqlite {
    /// Title and body of each stored article with this label (its label or
    /// else its key), address and date; a label need not be unique, so the
    /// caller checks which one holds its span.
    pub fn article_texts(
        &self,
        label: &str,
        url: Option<&str>,
        date: Option<&str>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, body, body_kept FROM article
             WHERE coalesce(label, key) = ?1 AND url IS ?2 AND date IS ?3
             ORDER BY id",
        )?;
        let rows: Vec<(i64, String, String, bool)> = stmt
            .query_map(params![label, url, date], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<Result<_, _>>()?;
        let mut sentences = self.conn.prepare_cached(
            "SELECT start, text FROM sentence WHERE article_id = ?1 AND headline = 0 ORDER BY start",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, title, body, kept) in rows {
            if kept {
                out.push((title, body));
                continue;
            }
            let known: Vec<(i64, String)> = sentences
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            out.push((title, body_from_sentences(&known)));
        }
        Ok(out)
    }
}
