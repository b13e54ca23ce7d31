//! Money as people type it and as the app writes it: [`parse_money`] reads "$4,200", "4 200",
//! "4.2k", "4,200.50", "€1.5m", "¥3,000" or "1.5万", and refuses anything else with a typed
//! [`MoneyError`]; [`format_money`] writes an amount with thousands separators and the
//! assessment's currency, in the language in use. Whatever [`format_money`] writes,
//! [`parse_money`] reads back to the same amount (a property test checks it).
//!
//! Plain Rust, no browser: the UI turns a [`MoneyError`] into words with [`MoneyError::key`].
//! Currency signs and codes typed with a number are ignored: an amount is always in the
//! assessment's currency (the Profile says which), so "$4,200" in a euro plan reads as 4,200.

use crate::i18n::{self, Lang};

/// Largest amount accepted; beyond it a number is surely a typo.
pub const MAX_AMOUNT: f64 = crate::domain::costs::MAX_COST_FIGURE;

/// The currencies the Profile offers, as ISO 4217 codes ("" is "none").
pub const CURRENCIES: [&str; 10] = [
    "USD", "EUR", "GBP", "CNY", "JPY", "INR", "SGD", "CHF", "CAD", "AUD",
];

/// Why a typed amount was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// "4.2.0": more than one decimal point.
    TwoDecimalPoints,
    /// "4,2,00" or "4.200,50": a thousands separator that does not stand before three digits.
    MisplacedSeparator,
    /// "-300" or "(300)": costs are never below zero.
    Negative,
    /// Letters or signs that are not part of an amount, or no digits at all.
    NotANumber,
    /// More than [`MAX_AMOUNT`].
    TooLarge,
}

impl MoneyError {
    /// The catalogue key of the reason, in plain words.
    pub fn key(self) -> &'static str {
        match self {
            MoneyError::TwoDecimalPoints => "money.reason_two_points",
            MoneyError::MisplacedSeparator => "money.reason_separator",
            MoneyError::Negative => "money.reason_negative",
            MoneyError::NotANumber => "money.reason_not_a_number",
            MoneyError::TooLarge => "money.reason_too_large",
        }
    }
}

/// Signs and codes written before or after an amount, longest first so "US$" goes before "$".
const CURRENCY_MARKS: [&str; 25] = [
    "US$", "CA$", "AU$", "HK$", "CN¥", "JP¥", "RMB", "USD", "EUR", "GBP", "CNY", "JPY", "INR",
    "SGD", "CHF", "CAD", "AUD", "A$", "C$", "S$", "$", "€", "£", "¥", "￥",
];
/// Single-character marks not in [`CURRENCY_MARKS`].
const CURRENCY_CHARS: [char; 3] = ['₹', '元', '円'];

/// Characters that separate thousands: comma, apostrophe, spaces (plain, no-break, narrow
/// no-break, thin).
fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '\'' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '，'
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Strips currency signs and codes (and spaces) from both ends.
fn strip_currency(mut s: &str) -> &str {
    loop {
        let before = s;
        s = s.trim_matches(is_space);
        for mark in CURRENCY_MARKS {
            if s.len() >= mark.len() {
                if s.is_char_boundary(mark.len()) && s[..mark.len()].eq_ignore_ascii_case(mark) {
                    s = &s[mark.len()..];
                }
                let cut = s.len().saturating_sub(mark.len());
                if s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(mark) {
                    s = &s[..cut];
                }
            }
        }
        s = s.trim_start_matches(CURRENCY_CHARS);
        s = s.trim_end_matches(CURRENCY_CHARS);
        if s == before {
            return s;
        }
    }
}

/// Reads an amount as people type it: blank is `Ok(None)` ("not given"). Accepted: currency
/// signs or codes before or after (ignored), thousands separated by comma, apostrophe or a
/// (narrow, no-break) space in groups of three, one decimal point, and a suffix k (thousand),
/// m (million) or 万 (ten thousand). Refused with a [`MoneyError`] otherwise.
pub fn parse_money(text: &str) -> Result<Option<f64>, MoneyError> {
    let s = strip_currency(text);
    if s.is_empty() {
        return if text.trim().is_empty() {
            Ok(None)
        } else {
            Err(MoneyError::NotANumber)
        };
    }
    if s.starts_with(['-', '−']) || (s.starts_with('(') && s.ends_with(')')) {
        // "-$300" and "$-300" both land here once the sign is stripped.
        let rest = strip_currency(s.trim_start_matches(['-', '−', '(']).trim_end_matches(')'));
        let inner = parse_money(rest);
        if inner == Ok(Some(0.0)) {
            // "-0" is zero, not a negative cost.
            return inner;
        }
        return match inner {
            Ok(_) | Err(MoneyError::Negative) => Err(MoneyError::Negative),
            Err(e) => Err(e),
        };
    }
    let s = strip_currency(s.strip_prefix('+').unwrap_or(s));
    let (body, shift) = if let Some(b) = s.strip_suffix(['k', 'K', '千']) {
        (b, 3)
    } else if let Some(b) = s.strip_suffix('万') {
        (b, 4)
    } else if let Some(b) = s.strip_suffix(['m', 'M']) {
        (b, 6)
    } else {
        (s, 0)
    };
    let body = strip_currency(body);
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == '.' || is_group_separator(c)))
    {
        return Err(MoneyError::NotANumber);
    }
    if body.matches('.').count() > 1 {
        return Err(MoneyError::TwoDecimalPoints);
    }
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    if frac.chars().any(is_group_separator) {
        return Err(MoneyError::MisplacedSeparator);
    }
    let groups: Vec<&str> = whole.split(is_group_separator).collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(MoneyError::MisplacedSeparator);
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() && frac.is_empty() {
        return Err(MoneyError::NotANumber);
    }
    // Decimal text and a power of ten, parsed once: "4.2k" is exactly 4200, with no rounding
    // from multiplying.
    let literal = format!(
        "{}.{}e{shift}",
        if digits.is_empty() { "0" } else { &digits },
        if frac.is_empty() { "0" } else { frac }
    );
    match literal.parse::<f64>() {
        Ok(v) if v.is_finite() && v <= MAX_AMOUNT => Ok(Some(v)),
        Ok(_) => Err(MoneyError::TooLarge),
        Err(_) => Err(MoneyError::NotANumber),
    }
}

/// The sign or code written with amounts in `currency` (ISO 4217) in `lang`, and whether it goes
/// before the number with no space. An unknown code is written as it is, followed by a space.
fn currency_mark(lang: Lang, currency: &str) -> String {
    let sign = match (currency, lang) {
        ("USD", Lang::En) => "$",
        ("USD", Lang::Zh) => "US$",
        ("EUR", _) => "€",
        ("GBP", _) => "£",
        ("INR", _) => "₹",
        ("JPY", Lang::En) => "¥",
        ("JPY", Lang::Zh) => "JP¥",
        ("CNY", Lang::En) => "CN¥",
        ("CNY", Lang::Zh) => "¥",
        ("CAD", _) => "CA$",
        ("AUD", Lang::En) => "A$",
        ("AUD", Lang::Zh) => "AU$",
        _ => return format!("{currency} "),
    };
    sign.to_string()
}

/// An amount without currency: thousands separated, two decimals only when there are cents:
/// "4,200", "4,200.50".
pub fn format_amount(lang: Lang, v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let cents = (v.abs() * 100.0).round() as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    let mut out = String::new();
    if v < 0.0 && cents > 0 {
        out.push('-');
    }
    out.push_str(&i18n::number(lang, whole as f64, 0));
    if frac != 0 {
        out.push_str(&format!(".{frac:02}"));
    }
    out
}

/// An amount with its currency as `lang` writes it ("€4,200", "CHF 1,200.50", "US$3,000");
/// without a currency (`""`) only the number.
pub fn format_money(lang: Lang, v: f64, currency: &str) -> String {
    let number = format_amount(lang, v);
    let currency = currency.trim();
    if currency.is_empty() {
        return number;
    }
    match number.strip_prefix('-') {
        Some(n) => format!("-{}{n}", currency_mark(lang, currency)),
        None => format!("{}{number}", currency_mark(lang, currency)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn amounts_are_read_as_people_type_them() {
        let ok = |s: &str, v: f64| assert_eq!(parse_money(s), Ok(Some(v)), "{s}");
        ok("$4,200", 4200.0);
        ok("4 200", 4200.0);
        ok("4\u{202f}200", 4200.0);
        ok("4\u{a0}200", 4200.0);
        ok("4.2k", 4200.0);
        ok("4,200.50", 4200.5);
        ok("€1.5m", 1_500_000.0);
        ok("4200", 4200.0);
        ok("¥3,000", 3000.0);
        ok("3,000 CNY", 3000.0);
        ok("usd 12", 12.0);
        ok("US$1,234,567.89", 1_234_567.89);
        ok("1.5万", 15000.0);
        ok(" 300 ", 300.0);
        ok(".5", 0.5);
        ok("0", 0.0);
        ok("CHF 1'200", 1200.0);
        assert_eq!(parse_money(""), Ok(None));
        assert_eq!(parse_money("   "), Ok(None));
    }

    #[test]
    fn refusals_say_why() {
        let no = |s: &str, e: MoneyError| assert_eq!(parse_money(s), Err(e), "{s}");
        no("4.2.0", MoneyError::TwoDecimalPoints);
        no("1.200.000", MoneyError::TwoDecimalPoints);
        no("4,2,00", MoneyError::MisplacedSeparator);
        no("4,20", MoneyError::MisplacedSeparator);
        no("4.200,50", MoneyError::MisplacedSeparator);
        no("-300", MoneyError::Negative);
        no("-$300", MoneyError::Negative);
        no("$-300", MoneyError::Negative);
        no("(300)", MoneyError::Negative);
        no("eight", MoneyError::NotANumber);
        no("$", MoneyError::NotANumber);
        no("k", MoneyError::NotANumber);
        no("NaN", MoneyError::NotANumber);
        no("inf", MoneyError::NotANumber);
        no("12abc", MoneyError::NotANumber);
        no("2e3", MoneyError::NotANumber);
        no("5000m", MoneyError::TooLarge);
    }

    #[test]
    fn amounts_are_written_with_separators_and_currency() {
        assert_eq!(format_money(Lang::En, 4200.0, "EUR"), "€4,200");
        assert_eq!(format_money(Lang::En, 4200.5, "USD"), "$4,200.50");
        assert_eq!(format_money(Lang::Zh, 4200.5, "USD"), "US$4,200.50");
        assert_eq!(format_money(Lang::Zh, 3000.0, "CNY"), "¥3,000");
        assert_eq!(format_money(Lang::En, 1200.0, "CHF"), "CHF 1,200");
        assert_eq!(format_money(Lang::En, 1200.0, ""), "1,200");
        assert_eq!(format_money(Lang::En, -0.001, "EUR"), "€0");
        assert_eq!(format_money(Lang::En, -50.0, "EUR"), "-€50");
        assert_eq!(format_amount(Lang::En, 1_234_567.0), "1,234,567");
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(
            cents in 0u64..=100_000_000_000,
            zh in any::<bool>(),
            currency in prop::sample::select(vec!["", "USD", "EUR", "GBP", "CNY", "JPY", "INR", "SGD", "CHF", "CAD", "AUD"]),
        ) {
            let v = cents as f64 / 100.0;
            let lang = if zh { Lang::Zh } else { Lang::En };
            let written = format_money(lang, v, currency);
            prop_assert_eq!(parse_money(&written), Ok(Some(v)), "{}", written);
        }
    }
}
