//! A small JSON reader that remembers where each value starts, so that errors in
//! JSON data name a line and column like errors in CSV.

use super::row::{missing_required, Cell, Column, FlowBuilder, COLUMNS};
use super::ReadOptions;
use crate::error::{Error, ErrorKind, Position};
use crate::model::Dataset;

/// A JSON value and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Json {
    /// Where the value's first character is.
    pub pos: Position,
    /// The value.
    pub value: JsonValue,
}

/// The kinds of JSON value. Numbers keep their text so that messages can quote it.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match &self.value {
            JsonValue::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string or number; `None` for null and the rest.
    pub fn as_text(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) | JsonValue::Number(s) => Some(s),
            _ => None,
        }
    }
}

/// Parses one JSON document.
pub fn parse_json(text: &str) -> Result<Json, Error> {
    let mut p = Parser {
        chars: text.char_indices().peekable(),
        line: 1,
        column: 1,
        depth: 0,
    };
    p.skip_ws();
    let v = p.value()?;
    p.skip_ws();
    if p.peek().is_some() {
        return Err(p.error("unexpected text after the end of the JSON data"));
    }
    Ok(v)
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: u32,
    column: u32,
    depth: u32,
}

impl Parser<'_> {
    fn pos(&self) -> Position {
        Position::new(self.line, self.column)
    }

    fn error(&self, msg: &str) -> Error {
        Error::at(self.pos(), ErrorKind::Json(msg.to_string()))
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    fn expect(&mut self, want: char) -> Result<(), Error> {
        match self.peek() {
            Some(c) if c == want => {
                self.bump();
                Ok(())
            }
            Some(c) => Err(self.error(&format!("expected '{want}' but found '{c}'"))),
            None => Err(self.error(&format!("expected '{want}' but the data ended"))),
        }
    }

    fn value(&mut self) -> Result<Json, Error> {
        let pos = self.pos();
        let value = match self.peek() {
            Some('{') => self.nested(|p| p.object())?,
            Some('[') => self.nested(|p| p.array())?,
            Some('"') => JsonValue::String(self.string()?),
            Some('-' | '0'..='9') => JsonValue::Number(self.number()),
            Some('t' | 'f' | 'n') => self.word()?,
            Some(c) => return Err(self.error(&format!("unexpected '{c}' where a value should be"))),
            None => return Err(self.error("the data ended where a value should be")),
        };
        Ok(Json { pos, value })
    }

    fn nested(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<JsonValue, Error>,
    ) -> Result<JsonValue, Error> {
        // Bounded so that hostile input cannot overflow the stack.
        if self.depth >= 64 {
            return Err(self.error("the JSON is nested too deeply"));
        }
        self.depth += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn object(&mut self) -> Result<JsonValue, Error> {
        self.bump();
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(JsonValue::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some('"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            self.expect(':')?;
            self.skip_ws();
            let v = self.value()?;
            members.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some('}') => {
                    self.bump();
                    return Ok(JsonValue::Object(members));
                }
                _ => return Err(self.error("expected ',' or '}' after a value in an object")),
            }
        }
    }

    fn array(&mut self) -> Result<JsonValue, Error> {
        self.bump();
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.bump();
            return Ok(JsonValue::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(']') => {
                    self.bump();
                    return Ok(JsonValue::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']' after a value in an array")),
            }
        }
    }

    fn string(&mut self) -> Result<String, Error> {
        // An unclosed string is reported where it opens, which is where to look.
        let start = self.pos();
        let unclosed = |what: &str| Error::at(start, ErrorKind::Json(what.into()));
        self.bump();
        let mut s = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(unclosed(
                        "this string is never closed: a closing '\"' is missing",
                    ))
                }
                Some('\n') | Some('\r') => {
                    return Err(unclosed(
                        "this string is not closed on its line: a closing '\"' is missing \
                         (a line break inside a string is written \\n)",
                    ))
                }
                Some('"') => return Ok(s),
                Some('\\') => match self.bump() {
                    Some('"') => s.push('"'),
                    Some('\\') => s.push('\\'),
                    Some('/') => s.push('/'),
                    Some('b') => s.push('\u{8}'),
                    Some('f') => s.push('\u{c}'),
                    Some('n') => s.push('\n'),
                    Some('r') => s.push('\r'),
                    Some('t') => s.push('\t'),
                    Some('u') => {
                        let hi = self.hex4()?;
                        let c = if (0xD800..0xDC00).contains(&hi) {
                            if self.bump() != Some('\\') || self.bump() != Some('u') {
                                return Err(self.error("a surrogate pair is incomplete"));
                            }
                            let lo = self.hex4()?;
                            char::from_u32(
                                0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF),
                            )
                        } else {
                            char::from_u32(hi)
                        };
                        s.push(c.unwrap_or('\u{fffd}'));
                    }
                    _ => return Err(self.error("unknown escape in a string")),
                },
                Some(c) if (c as u32) < 0x20 => {
                    return Err(self.error("a control character must be escaped in a string"))
                }
                Some(c) => s.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self.bump().and_then(|c| c.to_digit(16));
            v = v * 16 + d.ok_or_else(|| self.error("expected four hex digits after \\u"))?;
        }
        Ok(v)
    }

    fn number(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E') {
                break;
            }
            s.push(c);
            self.bump();
        }
        s
    }

    fn word(&mut self) -> Result<JsonValue, Error> {
        let start = self.pos();
        let mut w = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_alphabetic) {
            w.push(c);
            self.bump();
        }
        match w.as_str() {
            "true" => Ok(JsonValue::Bool(true)),
            "false" => Ok(JsonValue::Bool(false)),
            "null" => Ok(JsonValue::Null),
            _ => Err(Error::at(
                start,
                ErrorKind::Json(format!("unexpected word \"{w}\"")),
            )),
        }
    }
}

pub fn parse_flows(text: &str, opts: &ReadOptions) -> Result<Dataset, Error> {
    let doc = parse_json(text)?;
    let rows = match &doc.value {
        JsonValue::Array(rows) => rows,
        _ => {
            return Err(Error::at(
                doc.pos,
                ErrorKind::Json("expected an array of objects, one per row".into()),
            ))
        }
    };
    let mut builder = FlowBuilder::new(opts);
    for row in rows {
        let JsonValue::Object(members) = &row.value else {
            return Err(Error::at(
                row.pos,
                ErrorKind::Json("expected an object for each row".into()),
            ));
        };
        let mut cells: [Cell; COLUMNS] = Default::default();
        let mut present = [false; COLUMNS];
        for (key, v) in members {
            let Some(col) = Column::from_name(key) else {
                continue;
            };
            // Which of two values for one key is meant, nobody can say.
            if present[col as usize] {
                return Err(Error::in_field(
                    v.pos,
                    col.name(),
                    ErrorKind::RepeatedKey(key.clone()),
                ));
            }
            let text = match &v.value {
                JsonValue::Null => None,
                JsonValue::String(s) | JsonValue::Number(s) => Some(s.clone()),
                _ => {
                    return Err(Error::in_field(
                        v.pos,
                        col.name(),
                        ErrorKind::Json("expected a string or a number".into()),
                    ))
                }
            };
            present[col as usize] = true;
            cells[col as usize] = Cell {
                text,
                pos: Some(v.pos),
            };
        }
        if let Some(c) = missing_required(&present) {
            return Err(Error::at(row.pos, ErrorKind::MissingColumn(c.name())));
        }
        builder.push(&cells, row.pos)?;
    }
    if builder.dataset.rows_read == 0 {
        return Err(Error::at(doc.pos, ErrorKind::NoRows("JSON")));
    }
    builder.finish()
}
