//! FAQ rows from a CSV file, as spreadsheets export them.

use encoding_rs::SHIFT_JIS;

use crate::{Error, MAX_FILE_BYTES};

/// One question and its answer, with an optional link for the citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqRow {
    /// The question, whitespace-normalised.
    pub question: String,
    /// The answer; line breaks inside it are kept.
    pub answer: String,
    /// An http(s) address to cite with the answer.
    pub link: Option<String>,
}

const QUESTION: &[&str] = &[
    "question",
    "questions",
    "q",
    "質問",
    "質問内容",
    "問い",
    "問",
];
const ANSWER: &[&str] = &["answer", "answers", "a", "回答", "答え", "回答内容", "答"];
const LINK: &[&str] = &[
    "link",
    "url",
    "source",
    "リンク",
    "参考url",
    "参照url",
    "関連url",
];

/// Reads question/answer rows. The first row is a header when it names a question and an
/// answer column (in English or Japanese: `question`/`answer`/`link`, `質問`/`回答`/`リンク`,
/// in any order); otherwise columns are question, answer and an optional link. The file may be
/// UTF-8 (with or without BOM) or Shift_JIS (Japanese Excel's "CSV"), comma- or
/// tab-separated. Empty rows are skipped; any other bad row fails with its line number.
pub fn faq_csv(bytes: &[u8]) -> Result<Vec<FaqRow>, Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            limit: MAX_FILE_BYTES,
        });
    }
    let text = decode(bytes)?;
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut columns: Option<Columns> = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| invalid(e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cols = match columns {
            Some(c) => c,
            None => {
                let (cols, is_header) = Columns::detect(&record);
                columns = Some(cols);
                if is_header {
                    continue;
                }
                cols
            }
        };
        rows.push(cols.row(&record, line)?);
    }
    if rows.is_empty() {
        return Err(Error::Empty);
    }
    Ok(rows)
}

#[derive(Clone, Copy)]
struct Columns {
    question: usize,
    answer: usize,
    link: Option<usize>,
    /// Without a header, rows must have two or three cells.
    strict: bool,
}

impl Columns {
    fn detect(first: &csv::StringRecord) -> (Columns, bool) {
        let find = |names: &[&str]| {
            first
                .iter()
                .position(|c| names.contains(&c.trim().to_lowercase().as_str()))
        };
        match (find(QUESTION), find(ANSWER)) {
            (Some(question), Some(answer)) => {
                let cols = Columns {
                    question,
                    answer,
                    link: find(LINK),
                    strict: false,
                };
                (cols, true)
            }
            _ => (
                Columns {
                    question: 0,
                    answer: 1,
                    link: Some(2),
                    strict: true,
                },
                false,
            ),
        }
    }

    fn row(&self, record: &csv::StringRecord, line: u64) -> Result<FaqRow, Error> {
        if self.strict && !(2..=3).contains(&record.len()) {
            let reason = format!(
                "expected 2 or 3 columns (question, answer, link) but found {}",
                record.len()
            );
            return Err(invalid(line, reason));
        }
        let cell = |i: usize| record.get(i).map(str::trim).unwrap_or_default();
        let question = crate::document::normalise(cell(self.question));
        if question.is_empty() {
            return Err(invalid(line, "the question is empty"));
        }
        let answer = cell(self.answer).replace("\r\n", "\n");
        if answer.is_empty() {
            return Err(invalid(line, "the answer is empty"));
        }
        let link = self.link.map(cell).filter(|l| !l.is_empty());
        if let Some(link) = link {
            let ok = url::Url::parse(link).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            if !ok {
                return Err(invalid(
                    line,
                    format!("the link {link:?} is not an http:// or https:// address"),
                ));
            }
        }
        Ok(FaqRow {
            question,
            answer,
            link: link.map(str::to_string),
        })
    }
}

fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Error> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.into()),
        Err(utf8) => SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| {
                let line = bytes[..utf8.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                invalid(
                    line as u64,
                    "the text is neither UTF-8 nor Shift_JIS; save the file as CSV UTF-8",
                )
            }),
    }
}

fn invalid(line: u64, reason: impl Into<String>) -> Error {
    Error::InvalidCsv {
        line,
        reason: reason.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_without_a_header_are_question_answer_link() {
        let rows =
            faq_csv(b"Open on Sunday?,No.\n\n\"Price?\",\"Free,\nforever\",https://x.test/p\n")
                .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0],
            FaqRow {
                question: "Open on Sunday?".into(),
                answer: "No.".into(),
                link: None
            }
        );
        assert_eq!(rows[1].answer, "Free,\nforever");
        assert_eq!(rows[1].link.as_deref(), Some("https://x.test/p"));
    }

    #[test]
    fn a_japanese_header_in_another_order_is_recognised_in_shift_jis() {
        let (bytes, _, _) =
            SHIFT_JIS.encode("回答,質問,リンク\r\n月曜が定休日です。,定休日は？,\r\n");
        let rows = faq_csv(&bytes).unwrap();
        assert_eq!(
            rows,
            [FaqRow {
                question: "定休日は？".into(),
                answer: "月曜が定休日です。".into(),
                link: None
            }]
        );
    }

    #[test]
    fn a_bom_and_an_english_header_with_extra_columns_are_accepted() {
        let rows =
            faq_csv("\u{feff}ID,Question,Answer,URL\n1,Q?,A.,https://a.test\n".as_bytes()).unwrap();
        assert_eq!(rows[0].question, "Q?");
        assert_eq!(rows[0].link.as_deref(), Some("https://a.test"));
    }

    #[test]
    fn tab_separated_rows_are_read() {
        let rows = faq_csv("質問\t回答\nQ1\tA1\n".as_bytes()).unwrap();
        assert_eq!(rows[0].answer, "A1");
    }

    #[test]
    fn errors_name_the_line() {
        let err = faq_csv(b"question,answer\nQ1,A1\nQ2,\n").unwrap_err();
        assert_eq!(err.code(), "invalid_csv");
        assert!(matches!(err, Error::InvalidCsv { line: 3, .. }), "{err:?}");
        let err = faq_csv(b"Q1,A1\nQ2,A2,https://x.test,extra\n").unwrap_err();
        assert!(matches!(err, Error::InvalidCsv { line: 2, .. }), "{err:?}");
        let err = faq_csv(b"Q1,A1,javascript:alert(1)\n").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn bytes_that_are_no_text_encoding_fail_with_the_line() {
        let err = faq_csv(b"Q1,A1\nQ2,\xff\xff\n").unwrap_err();
        assert!(matches!(err, Error::InvalidCsv { line: 2, .. }), "{err:?}");
    }

    #[test]
    fn a_file_with_only_a_header_is_empty() {
        assert_eq!(
            faq_csv(b"question,answer\n").unwrap_err().code(),
            "empty_document"
        );
    }
}
