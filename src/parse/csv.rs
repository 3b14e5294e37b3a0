//! The native CSV format, read with `csv-core` (no allocation per field, small in wasm).

use csv_core::{ReadRecordResult, Reader};

use super::row::{missing_required, Cell, Column, FlowBuilder, COLUMNS};
use super::ReadOptions;
use crate::error::{Error, ErrorKind, Position};
use crate::model::Dataset;

/// One CSV record: its first line and its fields.
pub struct Record<'a> {
    /// The line the record starts on (1-based).
    pub line: u32,
    /// Its fields, unquoted.
    pub fields: Vec<&'a str>,
}

/// Reads CSV records one at a time, counting lines so that errors can name them.
pub struct Records<'t> {
    bytes: &'t [u8],
    pos: usize,
    line: u32,
    reader: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl<'t> Records<'t> {
    /// Records of a whole text.
    pub fn new(text: &'t str) -> Self {
        Records {
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            reader: Reader::new(),
            out: vec![0; 4096],
            ends: vec![0; 64],
        }
    }

    /// The next record, skipping blank lines (and lines of only spaces and tabs, as
    /// indented CSV in a `<script>` has); `None` at the end.
    pub fn next_record(&mut self) -> Option<Record<'_>> {
        loop {
            let rest = &self.bytes[self.pos..];
            let line_len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            let blank = rest[..line_len]
                .iter()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r'));
            if !blank || rest.is_empty() {
                break;
            }
            if line_len == rest.len() {
                self.pos = self.bytes.len();
                break;
            }
            self.pos += line_len + 1;
            self.line += 1;
        }
        if self.pos >= self.bytes.len() {
            return None;
        }
        let start_line = self.line;
        let (mut n_out, mut n_ends) = (0, 0);
        loop {
            let input = &self.bytes[self.pos..];
            let (res, n_in, o, e) =
                self.reader
                    .read_record(input, &mut self.out[n_out..], &mut self.ends[n_ends..]);
            self.line += input[..n_in].iter().filter(|&&b| b == b'\n').count() as u32;
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
        for &end in &self.ends[..n_ends] {
            // The input is UTF-8 and csv-core only removes ASCII quotes, so this holds.
            fields.push(std::str::from_utf8(&out[start..end]).unwrap_or("\u{fffd}"));
            start = end;
        }
        Some(Record {
            line: start_line,
            fields,
        })
    }
}

pub fn parse_flows(text: &str, opts: &ReadOptions) -> Result<Dataset, Error> {
    let mut records = Records::new(text);
    let (header_line, header): (u32, Vec<Option<Column>>) = match records.next_record() {
        Some(r) => (
            r.line,
            r.fields.iter().map(|f| Column::from_name(f)).collect(),
        ),
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
        for (i, (col, field)) in header.iter().zip(&rec.fields).enumerate() {
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
