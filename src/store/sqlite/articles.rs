//! The SQL of the web view's evidence pane: an article's title and body,
//! so that `serve` can show the title and mark a span inside its sentence.

use rusqlite::params;

use super::{Sqlite, StoreError};

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
            "SELECT title, body FROM article
             WHERE coalesce(label, key) = ?1 AND url IS ?2 AND date IS ?3
             ORDER BY id",
        )?;
        let rows = stmt.query_map(params![label, url, date], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
