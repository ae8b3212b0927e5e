//! Splits a body into tokens and sentences, each with byte spans into it.
//!
//! Invariant: every span is a pair of byte offsets on `char` boundaries of
//! the body given; the body is never copied or rewritten.

use foldhash::HashSet;

/// A word, number or punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// True for words and numbers, false for punctuation.
    pub word: bool,
}

/// A sentence: a run of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first token.
    pub start: usize,
    /// Byte offset past the last token.
    pub end: usize,
    /// Index of the first token.
    pub first: usize,
    /// Index past the last token.
    pub last: usize,
}

/// Tokens and sentences of one body.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// All tokens in order.
    pub tokens: Vec<Token>,
    /// All sentences in order; they cover every token.
    pub sentences: Vec<Sentence>,
    /// Every token lowercased, in one buffer: the later stages compare
    /// words many times and lowercase each one only here.
    lowered: String,
    /// Each token's span in `lowered`.
    lowered_spans: Vec<(usize, usize)>,
}

/// Abbreviations after which a full stop does not end a sentence
/// ("Mr.", "Gen.", "St."), compared case-sensitively without the dot.
#[derive(Clone, Debug, Default)]
pub struct Abbreviations(HashSet<String>);

impl Abbreviations {
    /// From a list of words, with or without their trailing dot.
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(words: I) -> Self {
        Abbreviations(
            words
                .into_iter()
                .map(|w| w.as_ref().trim_end_matches('.').to_string())
                .collect(),
        )
    }

    /// Whether `word` (without its dot) is an abbreviation.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// Tokenises: words keep inner hyphens, apostrophes and dots ("Russian-backed",
/// "There're", "U.S."), but a possessive "'s" is its own token ("Ukraine", "'s").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            // A possessive 's glued to the previous word.
            if is_apostrophe(c) {
                let rest = &text[i + c.len_utf8()..];
                let mut r = rest.chars();
                if matches!(r.next(), Some('s' | 'S'))
                    && !r.next().is_some_and(char::is_alphanumeric)
                {
                    let end = i + c.len_utf8() + 1;
                    tokens.push(Token {
                        start: i,
                        end,
                        word: true,
                    });
                    it.next();
                    continue;
                }
            }
            tokens.push(Token {
                start: i,
                end: i + c.len_utf8(),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            if is_hyphen(d) || is_apostrophe(d) || d == '.' {
                let after = &text[j + d.len_utf8()..];
                let mut ac = after.chars();
                let next = ac.next();
                if is_apostrophe(d)
                    && matches!(next, Some('s' | 'S'))
                    && !ac.next().is_some_and(char::is_alphanumeric)
                {
                    break; // possessive: split
                }
                if next.is_some_and(char::is_alphanumeric) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // "U.S." keeps its final dot when the word is an initialism.
                if d == '.' && is_initialism(&text[i..end]) {
                    end = j + 1;
                    it.next();
                }
            }
            break;
        }
        tokens.push(Token {
            start: i,
            end,
            word: true,
        });
    }
    tokens
}

/// Ordinals spelled out ("Maryland's seventh Congressional District").
const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// An ordinal, lowercase: "11th", "2nd", or spelled out ("seventh"), as
/// before a numbered unit ("the 11th Airborne Battalion").
pub(crate) fn is_ordinal(w: &str) -> bool {
    let (num, suffix) = w
        .split_at_checked(w.len().saturating_sub(2))
        .unwrap_or(("", ""));
    ORDINAL_WORDS.contains(&w)
        || (!num.is_empty()
            && num.chars().all(|c| c.is_ascii_digit())
            && matches!(suffix, "st" | "nd" | "rd" | "th"))
}

/// "U.S", "U.N", "D.C": single letters joined by dots.
fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    for (n, part) in word.split('.').enumerate() {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
        if n > 6 {
            return false;
        }
    }
    letters >= 2
}

fn opens_sentence(text: &str, tok: &Token) -> bool {
    text[tok.start..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'\u{201c}\u{2018}([".contains(c))
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "\u{201d}" | "\u{2019}" | ")" | "]")
}

/// Splits into sentences. A line break always ends one; ".", "!", "?"
/// end one when the next token opens a sentence and the word before is not
/// an abbreviation or an initial.
pub fn analyze(text: &str, abbreviations: &Abbreviations) -> Doc {
    let tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        let mut end_here = false;
        let mut last = i + 1;
        let s = &text[tok.start..tok.end];
        if matches!(s, "." | "!" | "?" | "\u{2026}") {
            // Absorb closing quotes and brackets.
            while last < tokens.len()
                && is_closer(&text[tokens[last].start..tokens[last].end])
                && !text[tokens[last - 1].end..tokens[last].start].contains('\n')
            {
                last += 1;
            }
            let prev_is_abbrev = s == "." && i > first && tokens[i - 1].end == tok.start && {
                let w = &text[tokens[i - 1].start..tokens[i - 1].end];
                abbreviations.contains(w)
                    || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
            };
            end_here = match tokens.get(last) {
                None => true,
                Some(next) => {
                    text[tokens[last - 1].end..next.start].contains('\n')
                        || (!prev_is_abbrev && opens_sentence(text, next))
                }
            };
        } else if let Some(next) = tokens.get(i + 1) {
            end_here = text[tok.end..next.start].contains('\n');
        }
        if end_here || last >= tokens.len() {
            let last = last.min(tokens.len());
            sentences.push(Sentence {
                start: tokens[first].start,
                end: tokens[last - 1].end,
                first,
                last,
            });
            first = last;
            i = last;
            continue;
        }
        i += 1;
    }
    let mut lowered = String::with_capacity(text.len());
    let mut lowered_spans = Vec::with_capacity(tokens.len());
    for t in &tokens {
        let start = lowered.len();
        let word = &text[t.start..t.end];
        if word.is_ascii() {
            lowered.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            lowered.extend(word.chars().flat_map(char::to_lowercase));
        }
        lowered_spans.push((start, lowered.len()));
    }
    Doc {
        tokens,
        sentences,
        lowered,
        lowered_spans,
    }
}

impl Doc {
    /// Token `i` lowercased ("" past the end).
    pub fn lower(&self, i: usize) -> &str {
        self.lowered_spans
            .get(i)
            .and_then(|&(a, b)| self.lowered.get(a..b))
            .unwrap_or("")
    }

    /// The sentence holding a byte offset.
    pub fn sentence_of(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= byte);
        (i < self.sentences.len() && self.sentences[i].start <= byte).then_some(i)
    }

    /// Index of the first token that starts at or after `byte`.
    pub fn token_at_or_after(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.start < byte)
    }

    /// Index of the token that ends at `byte`, or the last one ending before it.
    pub fn token_ending_by(&self, byte: usize) -> Option<usize> {
        self.tokens
            .partition_point(|t| t.end <= byte)
            .checked_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbrevs() -> Abbreviations {
        Abbreviations::new(["Mr", "Gen", "St", "Dr"])
    }

    fn sentences(text: &str) -> Vec<&str> {
        analyze(text, &abbrevs())
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    /// Protects the one ordinal test that mentions ("the 11th Airborne
    /// Battalion", "Maryland's seventh Congressional District") and
    /// relations ("the 20th nation") share.
    #[test]
    fn ordinals_in_digits_and_words() {
        let yes: Vec<bool> = ["11th", "2nd", "1st", "23rd", "seventh", "first"]
            .iter()
            .map(|w| is_ordinal(w))
            .collect();
        assert_eq!(yes, [true; 6]);
        let no: Vec<bool> = ["th", "11", "4x", "1990s", "north", "eleven", ""]
            .iter()
            .map(|w| is_ordinal(w))
            .collect();
        assert_eq!(no, [false; 7]);
    }

    /// Protects tokens: possessives split, hyphens and initialisms kept.
    #[test]
    fn tokens_keep_spans() {
        assert_eq!(
            words("Ukraine's Russian-backed U.S. envoy, Kiev\u{2019}s."),
            [
                "Ukraine",
                "'s",
                "Russian-backed",
                "U.S.",
                "envoy",
                ",",
                "Kiev",
                "\u{2019}s",
                "."
            ]
        );
        assert_eq!(
            words("There\u{2019}re 5.5 km"),
            ["There\u{2019}re", "5.5", "km"]
        );
    }

    /// Protects sentence splitting around abbreviations, initials and quotes.
    #[test]
    fn sentence_splitting() {
        assert_eq!(
            sentences("Mr. Smith met Gen. Lee in St. Petersburg. Then he left."),
            ["Mr. Smith met Gen. Lee in St. Petersburg.", "Then he left."]
        );
        assert_eq!(
            sentences(
                "The U.S. and the U.N. agreed. \u{201c}Good,\u{201d} he said. John F. Kennedy spoke."
            ),
            [
                "The U.S. and the U.N. agreed.",
                "\u{201c}Good,\u{201d} he said.",
                "John F. Kennedy spoke."
            ]
        );
        assert_eq!(
            sentences("Headline without stop\nBody line."),
            ["Headline without stop", "Body line."]
        );
        assert_eq!(
            sentences("He said \"no.\" Then"),
            ["He said \"no.\"", "Then"]
        );
    }

    /// Protects lookups that relate byte offsets to sentences.
    #[test]
    fn offsets_to_sentences() {
        let text = "One. Two.";
        let doc = analyze(text, &abbrevs());
        assert_eq!(doc.sentence_of(0), Some(0));
        assert_eq!(doc.sentence_of(5), Some(1));
        assert_eq!(doc.sentence_of(4), None);
    }
}
