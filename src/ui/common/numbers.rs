//! Numbers typed by users: read leniently (thousands separators), refused with a reason, and
//! written back with separators. Money goes through [`crate::domain::money`] ([`parse_money_text`],
//! [`money`]), so every amount box reads "$4,200", "4.2k" or "4 200" alike.

use crate::domain::money::{self, parse_money};
use crate::ui::i18n::{lang, t, tf};

/// Reads a number box: blank is `None`; a comma may separate thousands.
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' '))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= 1.0e9 => Ok(Some(v)),
        _ => Err(t("plan.numbers_not_a_number").to_string()),
    }
}

/// Reads a money box: blank is `None`; refused texts give "⚠ Not saved: <reason>". Amounts
/// above `max` are refused as too large.
pub fn parse_money_text(text: &str, max: f64) -> Result<Option<f64>, String> {
    let reason = |key: &str| tf("money.not_saved", &[("reason", t(key))]);
    match parse_money(text) {
        Ok(Some(v)) if v > max => Err(reason(money::MoneyError::TooLarge.key())),
        Ok(v) => Ok(v),
        Err(e) => Err(reason(e.key())),
    }
}

/// An amount in the assessment's `currency`, in the language in use: "€4,200".
pub fn money(v: f64, currency: &str) -> String {
    money::format_money(lang(), v, currency)
}

/// An amount written back into a box: separators, no currency ("4,200.50"); the parser reads it.
pub fn money_input(v: f64) -> String {
    money::format_amount(lang(), v)
}

/// A number as typed back into a box or read in a sentence: "4", not "4.0".
pub fn trim_number(v: f64) -> String {
    format!("{v}")
}

/// An amount with thousands separators and at most two decimals, e.g. "1,200.5".
pub fn format_amount(v: f64) -> String {
    let cents = (v * 100.0).round() as i64;
    let whole = cents / 100;
    let frac = cents % 100;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if frac != 0 {
        out.push_str(&format!(".{frac:02}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_or_say_why() {
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("1,200.5"), Ok(Some(1200.5)));
        assert_eq!(parse_number("-3"), Ok(Some(-3.0)));
        assert!(parse_number("eight").is_err());
        assert!(parse_number("inf").is_err());
        assert!(parse_number("NaN").is_err());
    }

    #[test]
    fn amounts_format_with_thousands() {
        assert_eq!(format_amount(0.0), "0");
        assert_eq!(format_amount(1200.5), "1,200.50");
        assert_eq!(format_amount(1_234_567.0), "1,234,567");
    }
}
