/// Converts byte offsets (what Rust slices with) into Unicode code point offsets (what the
/// API promises, and what JavaScript and Python clients index with).
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte position of every char boundary, in order; index = code point offset. Empty
    /// for ASCII text, where the two offsets are the same: most articles need no table
    /// (a bulk ingest holds thousands of them at once).
    starts: Vec<u32>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets { starts: Vec::new() };
        }
        // an article is capped far below 4 GiB; a longer text saturates instead of wrapping
        let at = |b: usize| u32::try_from(b).unwrap_or(u32::MAX);
        let mut starts: Vec<u32> = text.char_indices().map(|(b, _)| at(b)).collect();
        starts.push(at(text.len()));
        CharOffsets { starts }
    }

    /// The code point offset of a byte offset; a byte inside a char maps to that char.
    pub fn to_char(&self, byte: usize) -> i64 {
        if self.starts.is_empty() {
            return byte as i64;
        }
        let byte = u32::try_from(byte).unwrap_or(u32::MAX);
        let i = match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        i as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "«Café» ok";
        let map = CharOffsets::new(text);
        let byte = text.find("ok").unwrap_or(0);
        assert_eq!(map.to_char(byte), 7);
        assert_eq!(map.to_char(text.len()), text.chars().count() as i64);
        assert_eq!(map.to_char(0), 0);
        assert_eq!(map.to_char(1), 0, "inside «, which is two bytes");
        assert_eq!(map.to_char(3), 2, "the a after «C");
    }

    #[test]
    fn ascii_offsets_are_their_own_code_points() {
        let map = CharOffsets::new("plain text");
        assert_eq!(map.to_char(6), 6);
        assert_eq!(map.to_char(10), 10);
    }
}
