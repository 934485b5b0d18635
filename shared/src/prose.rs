//! Sentences with figures in them: the report's paragraphs and each line
//! of work's summary sentence are one `Prose`, so the figures page shows
//! the same words as the report, and the report can link every figure to
//! the records it counts.

use serde::{Deserialize, Serialize};

named_enum! {
    /// Where the records behind a figure are listed in the staff app (the
    /// web app turns it and the report's period into a link).
    pub enum Records {
        /// The Center's statistics for the period.
        CentreStatistics = "centre_statistics",
        /// The departments, windows and intermediaries (administration).
        Units = "units",
        /// The published matter catalogue.
        Catalogue = "catalogue",
        HotlineFigures = "hotline_figures",
        HotlineTickets = "hotline_tickets",
        /// The meetings register for the period's months.
        Meetings = "meetings",
        /// The issued documents register for the period's months.
        Documents = "documents",
        /// Meetings and documents against last year.
        StreamlineDashboard = "streamline_dashboard",
        SupervisionDashboard = "supervision_dashboard",
        SupervisionItems = "supervision_items",
        SupervisionPublications = "supervision_publications",
        ComplaintFigures = "complaint_figures",
        Complaints = "complaints",
        /// Document transmission's figures for the period.
        TransmitFigures = "transmit_figures",
        /// The office's outgoing documents.
        TransmitDocuments = "transmit_documents",
        /// 《政务信息》, 专报 and 增刊 issues.
        InfoIssues = "info_issues",
        /// Information items.
        InfoItems = "info_items",
        /// Research reports and 《工作研究》.
        InfoResearch = "info_research",
    }
}

/// A run of words, or one figure and the records behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Piece {
    pub text: String,
    /// Set when `text` is a figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<Records>,
}

/// A sentence (or paragraph) built of pieces.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Prose(pub Vec<Piece>);

impl Prose {
    pub fn new() -> Prose {
        Prose::default()
    }

    /// Appends words (joined to the previous words, so a sentence stays a
    /// few pieces).
    pub fn text(mut self, words: &str) -> Prose {
        match self.0.last_mut() {
            Some(last) if last.records.is_none() => last.text.push_str(words),
            _ => self.0.push(Piece { text: words.into(), records: None }),
        }
        self
    }

    /// Appends a figure counted from `records`.
    pub fn figure(mut self, value: impl ToString, records: Records) -> Prose {
        self.0.push(Piece { text: value.to_string(), records: Some(records) });
        self
    }

    /// Appends another sentence.
    pub fn then(mut self, other: Prose) -> Prose {
        for piece in other.0 {
            self = match piece.records {
                Some(r) => self.figure(piece.text, r),
                None => self.text(&piece.text),
            };
        }
        self
    }

    /// The figures only, in order (what tests compare).
    pub fn figures(&self) -> Vec<(&str, Records)> {
        self.0.iter().filter_map(|p| p.records.map(|r| (p.text.as_str(), r))).collect()
    }
}

impl std::fmt::Display for Prose {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|p| f.write_str(&p.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_join_and_figures_keep_their_records() {
        let p = Prose::new().text("受理").text("办件").figure(12, Records::CentreStatistics).text("件。");
        assert_eq!(p.to_string(), "受理办件12件。");
        assert_eq!(p.0.len(), 3);
        assert_eq!(p.figures(), vec![("12", Records::CentreStatistics)]);
        let q = Prose::new().text("共").then(p.clone());
        assert_eq!(q.to_string(), "共受理办件12件。");
        assert_eq!(q.0.len(), 3, "the leading words merge with the other sentence's first words");
    }
}
