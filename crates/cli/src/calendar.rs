//! `tianping calendar [--as-of DATE]`: what the working-day calendar covers, and from which day
//! each working-day deadline in force can no longer be computed.
//!
//! The calendar is data shipped with the binary (`crates/cases/data/holidays.toml`), one year per
//! State Council notice; a year whose notice has not been entered is not covered, and a deadline
//! reaching into it is shown as unknown in the queues (never guessed from weekends). The notice for
//! the next year usually appears in November, and a 20-working-day period started in December
//! already ends in January: this command tells the administrator how much time is left. Exit
//! status 1 when, on `as_of`, some deadline in force can no longer be computed for a period that
//! starts that day (so a monitoring job can alert); 0 otherwise; 2 on a bad argument.

use std::process::ExitCode;

use chrono::NaiveDate;
use serde_json::json;
use tianping_cases::Calendar;
use tianping_cases::rules::{CALENDAR_WARNING_DAYS, CalendarReach, Rules, calendar_unknown_from};

use crate::output::Lang;

/// Prints the calendar's coverage as of `as_of` (default: today in China).
pub fn run(as_of: Option<&str>, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let as_of = match as_of {
        Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                eprintln!("错误 error: --as-of {text:?}: 应为 YYYY-MM-DD / expected YYYY-MM-DD");
                return Ok(ExitCode::from(2));
            }
        },
        None => tianping_service::clock::china_today(),
    };
    let calendar = Calendar::embedded()?;
    let rules = Rules::embedded()?;
    let reach = rules.calendar_reach(&calendar, as_of);
    let name = |r: &CalendarReach<'_>| match lang {
        Lang::Zh => r.rule.name.clone(),
        Lang::En => r.rule.name_en.clone(),
    };
    let unknown_today = reach.iter().filter(|r| !r.computable_from(as_of)).count();
    let (first, last) = calendar.range();
    let days_left = (calendar.last_day() - as_of).num_days();
    let unknown_from = calendar_unknown_from(&reach, as_of);
    if json {
        let years: Vec<_> = calendar
            .years()
            .map(|y| {
                json!({
                    "year": y.year, "notice": y.notice, "document_number": y.document_number,
                    "issued": y.issued.to_string(), "verified": y.verified,
                    "rest_days": y.holidays.len(), "make_up_workdays": y.make_up_workdays.len(),
                })
            })
            .collect();
        let deadlines: Vec<_> = reach
            .iter()
            .map(|r| {
                json!({
                    "kind": r.rule.kind.as_str(), "name": name(r), "working_days": r.rule.days,
                    "last_start": r.last_start.map(|d| d.to_string()),
                    "working_days_with_extensions": r.with_extensions,
                    "last_start_with_extensions": r.last_start_extended.map(|d| d.to_string()),
                    "computable_for_a_start_on_as_of": r.computable_from(as_of),
                })
            })
            .collect();
        println!(
            "{}",
            json!({
                "as_of": as_of.to_string(), "first_year": first, "last_year": last,
                "last_day": calendar.last_day().to_string(), "days_left": days_left,
                "warning_days": CALENDAR_WARNING_DAYS,
                "unknown_from": unknown_from.map(|d| d.to_string()),
                "years": years, "deadlines": deadlines,
            })
        );
    } else {
        let zh = lang == Lang::Zh;
        for y in calendar.years() {
            println!(
                "{} {}{} {} {}{}",
                y.year,
                y.notice,
                y.document_number
                    .as_deref()
                    .map(|n| format!("（{n}）"))
                    .unwrap_or_default(),
                y.issued,
                if zh { "休息日 " } else { "rest days " },
                y.holidays.len(),
            );
        }
        if zh {
            println!(
                "工作日历覆盖 {first}–{last} 年，至 {}；距 {as_of} 还有 {days_left} 天。",
                calendar.last_day()
            );
        } else {
            println!(
                "The working-day calendar covers {first}–{last}, up to {}: {days_left} days after {as_of}.",
                calendar.last_day()
            );
        }
        for r in &reach {
            let show = |d: Option<NaiveDate>| d.map_or_else(|| "—".to_string(), |d| d.to_string());
            let state = match (r.computable_from(as_of), zh) {
                (true, true) => "可计算",
                (true, false) => "computable",
                (false, true) => "今日起算的期限已无法计算",
                (false, false) => "a period starting today cannot be computed",
            };
            let extended = match (r.with_extensions > r.rule.days, zh) {
                (false, _) => String::new(),
                (true, true) => format!(
                    "；含延长 {} 个工作日，最晚起算日 {}",
                    r.with_extensions,
                    show(r.last_start_extended)
                ),
                (true, false) => format!(
                    "; with extensions {} working days, last start {}",
                    r.with_extensions,
                    show(r.last_start_extended)
                ),
            };
            if zh {
                println!(
                    "  {}：{} 个工作日，最晚起算日 {}{extended} — {state}",
                    name(r),
                    r.rule.days,
                    show(r.last_start)
                );
            } else {
                println!(
                    "  {}: {} working days, last start {}{extended} — {state}",
                    name(r),
                    r.rule.days,
                    show(r.last_start)
                );
            }
        }
        if let Some(from) = unknown_from {
            if zh {
                println!(
                    "注意：自 {from} 起算的期限将无法计算（提前 {CALENDAR_WARNING_DAYS} 天提示）。"
                );
            } else {
                println!(
                    "Note: periods starting on or after {from} cannot be computed (warned {CALENDAR_WARNING_DAYS} days ahead)."
                );
            }
        }
        if unknown_today > 0 || unknown_from.is_some() {
            let next = last + 1;
            if zh {
                println!(
                    "请在 crates/cases/data/holidays.toml 中录入《国务院办公厅关于{next}年部分节假日安排的通知》并发布新版本；在此之前，延伸到 {next} 年的期限显示为“未知”。"
                );
            } else {
                println!(
                    "Enter the State Council notice on {next}'s holidays in crates/cases/data/holidays.toml and release; until then deadlines reaching into {next} show as unknown."
                );
            }
        }
    }
    Ok(if unknown_today > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
