//! The bounded neighbourhood walk behind `--around X --top N` (issue 11):
//! at most N entities, grown from the seed outwards through the busiest
//! edges, each entity's edges read busiest first a page at a time
//! ([`Store::edges_page`], through `edge_by_source_articles` and
//! `edge_by_target_articles`), so that a hub's thousands of edges are read
//! only as far as the answer needs.
//!
//! The rule: the N entities nearest the seed. The seed is kept first;
//! then its neighbours, then theirs, up to `depth` hops, each hop taken
//! whole before the next. Within a hop the entities come in the order of
//! the first edge that reaches each from the hop before, in the order
//! every listing uses: most articles, then source name, type, target name,
//! a statement before its flagged twin, then source and target keys. The
//! walk stops when N entities are kept, so that only the edges read up to
//! then are read. With N at least the size of the neighbourhood, the
//! entities kept are exactly the neighbourhood.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

use super::{EdgeQuery, EdgeRow, Store, StoreError};
use crate::ontology::EdgeType;

/// The first page of an entity's edges; each next page is twice as long.
const FIRST_PAGE: usize = 32;

/// The longest page read at once.
const MAX_PAGE: usize = 4096;

/// An edge's place in the listing order ([`super::weight_key`]), with
/// its ends' keys last so that no two edges tie.
type Rank = (
    Reverse<usize>,
    String,
    EdgeType,
    String,
    bool,
    String,
    String,
);

fn rank(r: &EdgeRow) -> Rank {
    let (count, source, edge, target, flagged) = super::weight_key(r);
    (
        count,
        source.to_string(),
        edge,
        target.to_string(),
        flagged,
        r.source_key.clone(),
        r.target_key.clone(),
    )
}

/// One kept entity's edges, read busiest first a page at a time.
struct Cursor {
    id: i64,
    key: String,
    offset: usize,
    page: usize,
    buffer: VecDeque<EdgeRow>,
    done: bool,
    /// The edge read and not yet taken (the one in the heap).
    head: Option<EdgeRow>,
}

/// A kept entity.
struct Kept {
    id: i64,
    /// Hops from the seed (each hop is taken whole before the next, so
    /// this is its distance).
    dist: usize,
    /// Its cursor, once opened (only while `dist < depth`).
    cursor: Option<usize>,
}

struct Walk<'a, K: Fn(&EdgeRow) -> bool> {
    store: &'a Store,
    q: EdgeQuery,
    keep: K,
    depth: usize,
    cursors: Vec<Cursor>,
    /// Each open cursor's next edge: the hops of its entity, the edge's
    /// rank, the cursor.
    heap: BinaryHeap<Reverse<(usize, Rank, usize)>>,
    kept: HashMap<String, Kept>,
    /// Row ids in the order kept, the seed first.
    order: Vec<i64>,
}

impl<K: Fn(&EdgeRow) -> bool> Walk<'_, K> {
    /// The next edge of cursor `c` that `keep` keeps, reading the next
    /// page when its buffer is empty.
    fn next(&mut self, c: usize) -> Result<Option<EdgeRow>, StoreError> {
        loop {
            let cur = &mut self.cursors[c];
            if cur.buffer.is_empty() && !cur.done {
                let q = EdgeQuery {
                    touching: Some(cur.id),
                    ..self.q.clone()
                };
                let (rows, total) = self.store.edges_page(&q, Some(cur.page), cur.offset)?;
                cur.offset += rows.len();
                cur.done = rows.is_empty() || cur.offset >= total;
                cur.page = (cur.page * 2).min(MAX_PAGE);
                cur.buffer.extend(rows);
            }
            match cur.buffer.pop_front() {
                None => return Ok(None),
                Some(r) if (self.keep)(&r) => return Ok(Some(r)),
                Some(_) => {}
            }
        }
    }

    /// Moves cursor `c` on to its next edge and puts that in the heap.
    fn advance(&mut self, c: usize) -> Result<(), StoreError> {
        let next = self.next(c)?;
        if let Some(r) = &next {
            let dist = self
                .kept
                .get(&self.cursors[c].key)
                .map_or(usize::MAX, |k| k.dist);
            self.heap.push(Reverse((dist, rank(r), c)));
        }
        self.cursors[c].head = next;
        Ok(())
    }

    /// Opens the cursor of kept entity `key`.
    fn open(&mut self, key: &str) -> Result<(), StoreError> {
        let Some(k) = self.kept.get_mut(key) else {
            return Ok(());
        };
        if k.cursor.is_some() || k.dist >= self.depth {
            return Ok(());
        }
        let c = self.cursors.len();
        k.cursor = Some(c);
        self.cursors.push(Cursor {
            id: k.id,
            key: key.to_string(),
            offset: 0,
            page: FIRST_PAGE,
            buffer: VecDeque::new(),
            done: false,
            head: None,
        });
        self.advance(c)
    }

    /// Takes edge `r`, read from cursor `c`: keeps its other end when that
    /// is new, and says which it was and its hops.
    fn join(&mut self, c: usize, r: EdgeRow) -> Result<Option<(String, usize)>, StoreError> {
        let from = &self.cursors[c].key;
        let other = if &r.source_key == from {
            r.target_key
        } else {
            r.source_key
        };
        if &other == from || self.kept.contains_key(&other) {
            return Ok(None);
        }
        let Some(d) = self.kept.get(from).map(|k| k.dist + 1) else {
            return Ok(None);
        };
        let Some(e) = self.store.entity_by_key(&other)? else {
            return Err(StoreError::Corrupt(format!(
                "edge end '{other}' is no entity"
            )));
        };
        self.kept.insert(
            other.clone(),
            Kept {
                id: e.id,
                dist: d,
                cursor: None,
            },
        );
        self.order.push(e.id);
        Ok(Some((other, d)))
    }
}

/// The row ids of at most `top` entities around `seed` by the rule of
/// this module, the seed first, then in the order they were kept.
pub(super) fn nearest(
    store: &Store,
    seed: i64,
    depth: usize,
    top: usize,
    q: &EdgeQuery,
    keep: impl Fn(&EdgeRow) -> bool,
) -> Result<Vec<i64>, StoreError> {
    let Some(seed_ref) = store.entity_refs(&[seed])?.remove(&seed) else {
        return Ok(Vec::new());
    };
    let mut walk = Walk {
        store,
        q: EdgeQuery {
            from: None,
            to: None,
            touching: None,
            // Choosing the entities needs no evidence.
            evidence_limit: Some(0),
            ..q.clone()
        },
        keep,
        depth,
        cursors: Vec::new(),
        heap: BinaryHeap::new(),
        kept: HashMap::from([(
            seed_ref.key.clone(),
            Kept {
                id: seed,
                dist: 0,
                cursor: None,
            },
        )]),
        order: vec![seed],
    };
    walk.open(&seed_ref.key)?;
    // Entities of the next hop whose edges are read only once this hop is
    // done: a hop that fills the answer reads no edge beyond it.
    let mut pending: Vec<(String, usize)> = Vec::new();
    while walk.order.len() < top {
        let hop = walk.heap.peek().map(|Reverse((d, _, _))| *d);
        if let Some(&(_, next)) = pending.first()
            && hop.is_none_or(|d| d >= next)
        {
            for (key, _) in std::mem::take(&mut pending) {
                walk.open(&key)?;
            }
            continue;
        }
        let Some(Reverse((_, _, c))) = walk.heap.pop() else {
            break;
        };
        let Some(r) = walk.cursors[c].head.take() else {
            continue;
        };
        if let Some((key, d)) = walk.join(c, r)?
            && d < depth
        {
            pending.push((key, d));
        }
        if walk.order.len() < top {
            walk.advance(c)?;
        }
    }
    Ok(walk.order)
}
