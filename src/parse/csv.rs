//! The native CSV format, read with `csv-core` (no allocation per field, small in wasm).

use std::borrow::Cow;

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use super::row::{missing_required, Cell, Column, FlowBuilder, COLUMNS};
use super::ReadOptions;
use crate::error::{Error, ErrorKind, Position};
use crate::model::Dataset;

/// One CSV record: its first line and its fields.
pub struct Record<'a> {
    /// The line the record starts on (1-based).
    pub line: u32,
    /// Its fields, unquoted: borrowed from the reader's buffer for a plain line, owned
    /// for a record that csv-core unquoted.
    pub fields: Cow<'a, [&'a str]>,
    /// Where a quoted field opens that the text never closes (it ran to the end).
    pub unclosed: Option<Position>,
}

impl Record<'_> {
    /// An error when a quoted field of this record is never closed.
    pub fn check_quotes(&self) -> Result<(), Error> {
        match self.unclosed {
            Some(pos) => Err(Error::at(pos, ErrorKind::UnclosedQuote)),
            None => Ok(()),
        }
    }
}

/// Line breaks in `bytes`: LF, CRLF, and a lone CR as old Mac files end lines, so
/// that line numbers match what an editor shows. `next` is the byte after `bytes`.
fn line_breaks(bytes: &[u8], next: Option<u8>) -> u32 {
    // Almost every file has no CR, or CRs only before LFs: counting LFs alone, which the
    // compiler vectorises, is then the answer. Only a lone CR needs the byte-wise walk.
    let (lf, cr) = bytes.iter().fold((0u32, 0u32), |(lf, cr), &b| {
        (lf + u32::from(b == b'\n'), cr + u32::from(b == b'\r'))
    });
    if cr == 0 {
        return lf;
    }
    let mut n = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let after = bytes.get(i + 1).copied().or(next);
        if b == b'\n' || (b == b'\r' && after != Some(b'\n')) {
            n += 1;
        }
    }
    n
}

/// Where the quoted field that a record leaves open begins (line and field), if one
/// does: `raw` is the record's text from its first byte to the end of the input.
fn open_quote(raw: &[u8], first_line: u32, delimiter: u8) -> Option<Position> {
    let (mut line, mut field, mut at_start) = (first_line, 1u32, true);
    let mut open: Option<Position> = None;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        let next = raw.get(i + 1).copied();
        if b == b'\n' || (b == b'\r' && next != Some(b'\n')) {
            line += 1;
        }
        match (open, b) {
            (Some(_), b'"') if next == Some(b'"') => i += 1,
            (Some(_), b'"') => open = None,
            (None, b'"') if at_start => open = Some(Position::new(line, field)),
            (None, d) if d == delimiter => field += 1,
            // A new record: the fields count again (only the last record is open).
            (None, b'\n' | b'\r') => field = 1,
            _ => {}
        }
        at_start = open.is_none() && (b == delimiter || matches!(b, b'\n' | b'\r'));
        i += 1;
    }
    open
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bytes of `word` equal to `b`, as the high bit of each (exact: no carry between
/// bytes, so no byte is marked that is not `b`).
fn bytes_equal(word: u64, b: u8) -> u64 {
    let y = word ^ (ONES * u64::from(b));
    !(((y & !HIGH) + !HIGH) | y) & HIGH
}

/// The bytes of `word` below `n` (at most 0x80), as the high bit of each (exact).
fn bytes_below(word: u64, n: u8) -> u64 {
    !((word | HIGH) - ONES * u64::from(n)) & !word & HIGH
}

/// For eight bytes of a line: the delimiters, and the bytes that may end the fast path
/// (a line end or a quote, and the other bytes below `"`, such as spaces, that pass
/// when looked at), each as the high bit of its byte.
fn marks(word: u64, delimiter: u8) -> (u64, u64) {
    let d = bytes_equal(word, delimiter);
    (d, bytes_below(word, b'"' + 1) & !d)
}

/// [`marks`] for the last bytes of a text (fewer than eight).
fn marks_tail(bytes: &[u8], delimiter: u8) -> (u64, u64) {
    bytes
        .iter()
        .take(8)
        .enumerate()
        .fold((0, 0), |(d, e), (i, &b)| {
            let bit = 0x80 << (i * 8);
            if b == delimiter {
                (d | bit, e)
            } else if b <= b'"' {
                (d, e | bit)
            } else {
                (d, e)
            }
        })
}

/// Reads CSV records one at a time, counting lines so that errors can name them.
pub struct Records<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    line: u32,
    /// The field separator: `,`, or a tab for cells pasted from a spreadsheet.
    delimiter: u8,
    /// Always `Some` until dropped, when it goes back to [`SPARE`].
    reader: Option<Reader>,
    /// Whether one-line records without quotes skip csv-core (off only in tests that
    /// check the two ways agree).
    fast: bool,
    /// The fields of the last plain record (see [`Records::plain_line`]).
    plain: Vec<&'t str>,
    out: Vec<u8>,
    ends: Vec<usize>,
}

thread_local! {
    /// The reader of the last `Records` dropped, kept for the next: `Reader::new` builds
    /// csv-core's DFA, which costs about 50 µs, more than reading a small file (found by
    /// fuzzing, at 1,800 runs a second). Not a clone of one prototype: csv-core 0.1's
    /// `Clone` for its DFA copies the transitions only, and the clone misreads.
    /// Kept with its delimiter: a reader built for commas never reads tabs.
    static SPARE: std::cell::RefCell<Option<(u8, Reader)>> = const { std::cell::RefCell::new(None) };
}

/// A reader for `delimiter` in its starting state: the spare one, reset, or a new one.
fn fresh_reader(delimiter: u8) -> Reader {
    match SPARE.with(|s| s.borrow_mut().take()) {
        Some((d, mut r)) if d == delimiter => {
            r.reset();
            r
        }
        _ => ReaderBuilder::new().delimiter(delimiter).build(),
    }
}

impl Drop for Records<'_> {
    fn drop(&mut self) {
        if let Some(r) = self.reader.take() {
            SPARE.with(|s| *s.borrow_mut() = Some((self.delimiter, r)));
        }
    }
}

impl<'t> Records<'t> {
    /// Records of a whole text, comma- or tab-separated (see [`delimiter`]).
    pub fn new(text: &'t str) -> Self {
        Records::with_delimiter(text, delimiter(text))
    }

    /// Records of a text whose delimiter is known (a part of a file, after its header).
    pub fn with_delimiter(text: &'t str, delimiter: u8) -> Self {
        Records {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            delimiter,
            reader: Some(fresh_reader(delimiter)),
            fast: true,
            plain: Vec::new(),
            out: vec![0; 4096],
            ends: vec![0; 64],
        }
    }

    /// The byte offset in the text where the next record (or the blank lines before it)
    /// begins.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// The record at `pos` when it is one line with no quote in it (or quotes only around
    /// whole fields that hold no quote or line end), as almost every row of a download
    /// is: its fields are the line split at the delimiter, exactly what csv-core would
    /// give, without its byte-by-byte state machine. They go into
    /// `self.plain`, reused from row to row (no allocation per row). `false` leaves the
    /// record to csv-core.
    fn plain_line(&mut self) -> bool {
        let (text, pos, delimiter) = (self.text, self.pos, self.delimiter);
        let rest = &self.bytes[pos..];
        let fields = &mut self.plain;
        fields.clear();
        // One pass, eight bytes at a time: the delimiters, line ends and quotes of a word
        // are found at once, then taken in order (a field is a few bytes long, so a
        // byte-wise loop would branch on almost every byte). Positions sit on ASCII bytes
        // of a str, so every slice is on character boundaries.
        let (mut start, mut i, mut quoted_last) = (0, 0, false);
        let eol = loop {
            let (delimiters, maybe_end, end) = match rest.get(i..i + 8).map(<[u8; 8]>::try_from) {
                Some(Ok(word)) => {
                    let (d, e) = marks(u64::from_le_bytes(word), delimiter);
                    (d, e, i + 8)
                }
                // The last bytes, fewer than eight, one by one.
                _ => {
                    let (d, e) = marks_tail(&rest[i..], delimiter);
                    (d, e, rest.len())
                }
            };
            // The first line end or quote in the word, if any.
            let (mut e, mut stop) = (maybe_end, None);
            while e != 0 {
                let at = i + (e.trailing_zeros() / 8) as usize;
                if matches!(rest.get(at), Some(b'\n' | b'\r' | b'"')) {
                    stop = Some((e & e.wrapping_neg(), at));
                    break;
                }
                e &= e - 1;
            }
            // The delimiters before it end fields.
            let mut d = stop.map_or(delimiters, |(bit, _)| delimiters & (bit - 1));
            while d != 0 {
                let at = i + (d.trailing_zeros() / 8) as usize;
                fields.push(text.get(pos + start..pos + at).unwrap_or_default());
                start = at + 1;
                d &= d - 1;
            }
            match stop {
                Some((_, at)) if rest.get(at) == Some(&b'"') => {
                    // A whole field in quotes with no quote or line end inside, as a
                    // name with a comma is written: its text is what the quotes hold.
                    // Anything else (an escaped quote, a line break, text after the
                    // closing quote, a quote inside a field) is csv-core's to read.
                    let close = match rest.get(at + 1..) {
                        Some(r) if at == start => {
                            r.iter().position(|&b| matches!(b, b'"' | b'\n' | b'\r'))
                        }
                        _ => None,
                    };
                    let Some(close) = close.map(|c| at + 1 + c) else {
                        return false;
                    };
                    match rest.get(close + 1) {
                        _ if rest.get(close) != Some(&b'"') => return false,
                        Some(&b) if b == delimiter => {}
                        Some(b'\n' | b'\r') | None => {}
                        Some(_) => return false,
                    }
                    fields.push(text.get(pos + at + 1..pos + close).unwrap_or_default());
                    start = close + 1;
                    if rest.get(start) != Some(&delimiter) {
                        // The record ends here: no field after the quoted one.
                        quoted_last = true;
                        break start;
                    }
                    start += 1;
                    i = start;
                }
                Some((_, at)) => break at,
                None if end >= rest.len() => break rest.len(),
                None => i = end,
            }
        };
        if !quoted_last {
            fields.push(text.get(pos + start..pos + eol).unwrap_or_default());
        }
        let mut next = pos + eol;
        match self.bytes.get(next) {
            Some(b'\r') if self.bytes.get(next + 1) == Some(&b'\n') => next += 2,
            Some(_) => next += 1,
            None => {}
        }
        if next > pos + eol {
            self.line += 1;
        }
        self.pos = next;
        true
    }

    /// The next record, skipping blank lines (and lines of only spaces and tabs, as
    /// indented CSV in a `<script>` has); `None` at the end.
    pub fn next_record(&mut self) -> Option<Record<'_>> {
        // Skip blank lines: only a line's leading blanks are looked at, so that a record
        // is scanned once, and not twice. A blank line may end in LF, CRLF or a lone CR.
        loop {
            let rest = &self.bytes[self.pos..];
            let lead = rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t'))
                .unwrap_or(rest.len());
            let blank = match (rest.get(lead), rest.get(lead + 1)) {
                (None, _) => {
                    self.pos = self.bytes.len();
                    break;
                }
                (Some(b'\r'), Some(b'\n')) => lead + 2,
                (Some(b'\n' | b'\r'), _) => lead + 1,
                _ => break,
            };
            self.line += 1;
            self.pos += blank;
        }
        if self.pos >= self.bytes.len() {
            return None;
        }
        let start_line = self.line;
        let start_pos = self.pos;
        if self.fast && self.plain_line() {
            return Some(Record {
                line: start_line,
                fields: Cow::Borrowed(&self.plain),
                unclosed: None,
            });
        }
        let delimiter = self.delimiter;
        let reader = self.reader.get_or_insert_with(|| fresh_reader(delimiter));
        let (mut n_out, mut n_ends) = (0, 0);
        loop {
            let input = &self.bytes[self.pos..];
            let (res, n_in, o, e) =
                reader.read_record(input, &mut self.out[n_out..], &mut self.ends[n_ends..]);
            self.line += line_breaks(&input[..n_in], input.get(n_in).copied());
            self.pos += n_in;
            n_out += o;
            n_ends += e;
            match res {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => break,
                ReadRecordResult::End => return None,
            }
        }
        let out = &self.out[..n_out];
        let mut fields = Vec::with_capacity(n_ends);
        let mut start = 0;
        // The input is UTF-8 and csv-core only removes ASCII quotes and splits at ASCII
        // delimiters, so the record is UTF-8 and each field ends on a character boundary:
        // one check for the record, not one per field.
        let text = std::str::from_utf8(out).ok();
        for &end in &self.ends[..n_ends] {
            let field = match text {
                Some(t) => t.get(start..end),
                None => std::str::from_utf8(&out[start..end]).ok(),
            };
            fields.push(field.unwrap_or("\u{fffd}"));
            start = end;
        }
        // A record that runs to the end of the text may have run there from an open quote.
        let unclosed = if self.pos >= self.bytes.len() {
            open_quote(&self.bytes[start_pos..], start_line, self.delimiter)
        } else {
            None
        };
        Some(Record {
            line: start_line,
            fields: Cow::Owned(fields),
            unclosed,
        })
    }
}

/// The number in `s` when it is 1 to 15 ASCII digits and nothing else, as almost every
/// year, code and value in a download is: read without `str::parse`'s sign, overflow and
/// float machinery (15 digits stay below 2^53, where every whole number is an exact f64).
pub fn plain_digits(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    b.iter().try_fold(0u64, |n, &c| {
        let d = c.wrapping_sub(b'0');
        (d < 10).then_some(n * 10 + u64::from(d))
    })
}

/// The field separator of a text: a tab when its first non-blank line (the header)
/// has tabs and no commas, as cells copied from a spreadsheet do; else a comma.
pub fn delimiter(text: &str) -> u8 {
    let header = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    if header.contains('\t') && !header.contains(',') {
        b'\t'
    } else {
        b','
    }
}

pub fn parse_flows(text: &str, opts: &ReadOptions) -> Result<Dataset, Error> {
    let mut records = Records::new(text);
    let (header_line, header): (u32, Vec<Option<Column>>) = match records.next_record() {
        Some(r) => {
            r.check_quotes()?;
            (
                r.line,
                r.fields.iter().map(|f| Column::from_name(f)).collect(),
            )
        }
        None => return Err(Error::at(Position::new(1, 1), ErrorKind::Empty)),
    };
    let mut present = [false; COLUMNS];
    for (i, col) in header.iter().enumerate() {
        if let Some(c) = col {
            if present[*c as usize] {
                let pos = Position::new(header_line, i as u32 + 1);
                return Err(Error::at(pos, ErrorKind::RepeatedColumn(c.name().into())));
            }
            present[*c as usize] = true;
        }
    }
    if let Some(c) = missing_required(&present) {
        return Err(Error::at(
            Position::new(header_line, 1),
            ErrorKind::MissingColumn(c.name()),
        ));
    }

    let mut builder = FlowBuilder::new(opts);
    while let Some(rec) = records.next_record() {
        rec.check_quotes()?;
        if rec.fields.len() != header.len() {
            return Err(Error::at(
                Position::new(rec.line, 1),
                ErrorKind::FieldCount {
                    expected: header.len(),
                    found: rec.fields.len(),
                },
            ));
        }
        let mut cells: [Cell; COLUMNS] = Default::default();
        for (i, (col, field)) in header.iter().zip(rec.fields.iter()).enumerate() {
            if let Some(c) = col {
                cells[*c as usize] = Cell {
                    text: Some(field.to_string()),
                    pos: Some(Position::new(rec.line, i as u32 + 1)),
                };
            }
        }
        builder.push(&cells, Position::new(rec.line, 1))?;
    }
    if builder.dataset.rows_read == 0 {
        return Err(Error::at(
            Position::new(header_line + 1, 1),
            ErrorKind::Empty,
        ));
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, plain: bool) -> Vec<(u32, Vec<String>, Option<Position>)> {
        let mut r = Records::new(text);
        r.fast = plain;
        let mut out = Vec::new();
        while let Some(rec) = r.next_record() {
            let fields = rec.fields.iter().map(|f| f.to_string()).collect();
            out.push((rec.line, fields, rec.unclosed));
        }
        out
    }

    #[test]
    fn plain_lines_read_as_csv_core_reads_them() {
        for text in [
            "a,b,c\n1,2,3\n",
            "a,b,c\n1,2,3",
            "a,b\r\n1,2\r\n\r\n3,4\r\n",
            "a,b\r1,2\r3,4",
            "a,b\n\n  \n1,,\n,2,\n",
            "a,b\n\"x, y\",2\n3,\"q\"\"r\"\n4,5\n",
            "a,b\n1,\"two\nlines\"\n5,6\n",
            "a,b\n1,\"open\n2,3\n",
            "a\tb\n1\t2\n\"x\ty\"\t3\n",
            "a,b\n  1 , 2 \n\t\n",
            "h\u{e9},b\n\u{1f600},\u{bd81}\u{d55c}\n",
        ] {
            assert_eq!(all(text, true), all(text, false), "{text:?}");
        }
    }

    // The fast path reads eight bytes at a time: delimiters, line ends and quotes on each
    // side of a word's edge, in long and short lines, and in the last bytes of a text.
    #[test]
    fn plain_lines_read_alike_across_word_edges() {
        for pad in 0..17 {
            let a = "x".repeat(pad);
            for text in [
                format!("h,i\n{a},{a}\n{a}\n"),
                format!("h,i\n{a},\"q,{a}\"\n1,2"),
                format!("h,i\r\n{a},b\r\n{a}\r{a}"),
                format!("h\ti\n{a}\t{a},\"\n"),
                format!("{a}\n{a},\u{e9}{a},\n\"{a}"),
                format!("{a},,,{a},,\n,\n"),
            ] {
                assert_eq!(all(&text, true), all(&text, false), "{text:?}");
            }
        }
    }

    // Texts made at random from the bytes that matter (a fixed seed: the same texts each
    // run) read the same both ways.
    #[test]
    fn random_texts_read_alike() {
        let alphabet = [
            "a", "bc", ",", ",", "\n", "\r", "\r\n", "\"", " ", "\t", "\u{e9}", "!", "#", "\u{1}",
        ];
        let mut seed: u32 = 20_240_601;
        let mut next = || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as usize
        };
        for _ in 0..3000 {
            let len = next() % 60;
            let text: String = (0..len)
                .map(|_| alphabet[next() % alphabet.len()])
                .collect();
            assert_eq!(all(&text, true), all(&text, false), "{text:?}");
        }
    }
}
