/// Converts byte offsets (what Rust slices with) into Unicode code point offsets (what the
/// API promises, and what JavaScript and Python clients index with).
#[derive(Debug, Clone)]
pub(crate) struct CharOffsets {
    /// Byte position of every char boundary, in order; index = code point offset.
    starts: Vec<usize>,
}

impl CharOffsets {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharOffsets { starts }
    }

    /// The code point offset of a byte offset; a byte inside a char maps to that char.
    pub(crate) fn to_char(&self, byte: usize) -> i64 {
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
    }
}
