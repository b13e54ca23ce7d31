//! Answers to the assessment questions, and per-area settings, as the founder records them.

use serde::{Deserialize, Serialize};

/// Highest level on the maturity scale (levels run 0 to 4).
pub const MAX_LEVEL: u8 = 4;
/// Most evidence links kept per answer.
pub const MAX_EVIDENCE: usize = 20;

/// How sure the person answering is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

    pub fn label(self) -> &'static str {
        match self {
            Confidence::Low => "Low",
            Confidence::Medium => "Medium",
            Confidence::High => "High",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    pub fn from_id(id: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// One question's answer. Every field is optional so a question can be visited, skipped and
/// finished later.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Where the company is today, 0 to 4; `None` until answered.
    pub current: Option<u8>,
    /// Where it should be; `None` means the default for the company's stage.
    pub target: Option<u8>,
    /// Set when the question does not apply, with the reason (never empty).
    pub not_applicable: Option<String>,
    pub confidence: Option<Confidence>,
    pub notes: String,
    /// Links to evidence: http, https or mailto only.
    pub evidence: Vec<String>,
}

impl Answer {
    pub fn is_not_applicable(&self) -> bool {
        self.not_applicable.is_some()
    }

    /// Counts towards progress: a level is chosen or the question is marked not applicable.
    pub fn is_done(&self) -> bool {
        self.current.is_some() || self.is_not_applicable()
    }

    pub fn is_empty(&self) -> bool {
        *self == Answer::default()
    }
}

/// Settings of one area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSettings {
    /// How much the area matters to this company: 1 (less), 2 (normal), 3 (critical).
    pub importance: u8,
}

pub const DEFAULT_IMPORTANCE: u8 = 2;

impl Default for AreaSettings {
    fn default() -> Self {
        AreaSettings {
            importance: DEFAULT_IMPORTANCE,
        }
    }
}

/// Why an evidence link was refused; displayed in the language in use.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("{}", crate::i18n::tr("domain.answers_link_empty"))]
    Empty,
    #[error("{}", crate::i18n::tr("domain.answers_link_scheme"))]
    Scheme,
    #[error("{}", crate::i18n::tr("domain.answers_link_characters"))]
    Characters,
    #[error("{}", crate::i18n::tr("domain.answers_link_too_long"))]
    TooLong,
}

/// Checks an evidence link: only web and mail links, so nothing in a shared file can run script.
pub fn check_link(link: &str) -> Result<(), LinkError> {
    let link = link.trim();
    if link.is_empty() {
        return Err(LinkError::Empty);
    }
    if link.chars().count() > 2000 {
        return Err(LinkError::TooLong);
    }
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkError::Characters);
    }
    let lower = link.to_ascii_lowercase();
    let ok = ["http://", "https://"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len())
        || (lower.starts_with("mailto:") && lower.len() > "mailto:".len());
    if ok {
        Ok(())
    } else {
        Err(LinkError::Scheme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_limited_to_web_and_mail() {
        assert_eq!(check_link("https://example.com/audit.pdf"), Ok(()));
        assert_eq!(check_link("HTTP://x.org"), Ok(()));
        assert_eq!(check_link("mailto:cto@example.com"), Ok(()));
        assert_eq!(check_link("javascript:alert(1)"), Err(LinkError::Scheme));
        assert_eq!(check_link(" JavaScript:alert(1)"), Err(LinkError::Scheme));
        assert_eq!(check_link("data:text/html,<b>"), Err(LinkError::Scheme));
        assert_eq!(check_link("ftp://x"), Err(LinkError::Scheme));
        assert_eq!(check_link("https://"), Err(LinkError::Scheme));
        assert_eq!(check_link("https://a b"), Err(LinkError::Characters));
        assert_eq!(check_link(""), Err(LinkError::Empty));
    }

    #[test]
    fn done_means_level_or_not_applicable() {
        let mut a = Answer::default();
        assert!(!a.is_done() && a.is_empty());
        a.notes = "thinking".into();
        assert!(!a.is_done() && !a.is_empty());
        a.not_applicable = Some("No hardware".into());
        assert!(a.is_done());
    }

    #[test]
    fn link_refusals_read_in_chinese() {
        crate::i18n::set_current(crate::i18n::Lang::Zh);
        let said = [
            check_link(" "),
            check_link("javascript:alert(1)"),
            check_link("https://a b"),
        ]
        .map(|r| r.map_err(|e| e.to_string()));
        crate::i18n::set_current(crate::i18n::Lang::En);
        assert_eq!(
            said,
            [
                Err("链接是空的".to_string()),
                Err("只保留以 http://、https:// 或 mailto: 开头的链接".to_string()),
                Err("链接中含有空格或控制字符".to_string()),
            ]
        );
        assert_eq!(check_link("").unwrap_err().to_string(), "the link is empty");
    }
}
