//! The lazily loaded routes: one type per screen, in five groups whose code the split build
//! moves into WebAssembly modules of their own, fetched the first time one of the group's
//! screens opens (and ahead of time when the browser is idle, see [`prefetch_when_idle`]).
//!
//! The welcome/list screen, the header and the not-found page stay in the first module, so a
//! first visit downloads only what the first screen needs. On native targets (`cargo test`)
//! `#[lazy_route]` calls the view directly, so nothing here changes behaviour outside the
//! browser.

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// One group of screens whose code loads together: a `#[lazy]` function that builds any of the
/// group's screens, and a route type per screen that awaits it.
///
/// Groups rather than one module per screen: the split tool gives each set of modules that
/// share code a chunk of its own, and twenty modules made over five hundred chunks, so opening
/// one section fetched two hundred files. Five groups make a few dozen.
macro_rules! screen_group {
    ($(#[$doc:meta])* $group:ident, $screens:ident { $($route:ident => $variant:ident : $view:path),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub enum $screens {
            $($variant),*
        }

        #[lazy]
        fn $group(screen: $screens) -> AnyView {
            match screen {
                $($screens::$variant => view! { <$view/> }.into_any(),)*
            }
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $group($screens::$variant).await
                }
            }
        )*
    };
}

screen_group!(
    /// The frame of one assessment and its assessing sections.
    assess_screens, AssessScreen {
        AssessmentRoute => Frame: crate::ui::shell::assessment_frame::AssessmentPage,
        OverviewRoute => Overview: crate::ui::assessment::overview::OverviewSection,
        ProfileRoute => Profile: crate::ui::assessment::profile::ProfileSection,
        SelfAssessmentRoute => SelfAssessment: crate::ui::assessment::self_assessment::AssessmentSection,
        AreaRoute => Area: crate::ui::assessment::area::AreaSection,
        ResultsRoute => Results: crate::ui::assessment::results::ResultsSection,
    }
);

screen_group!(
    /// Goals and KPIs, the roadmap, the budget, the team and the risks.
    plan_screens, PlanScreen {
        GoalsRoute => Goals: crate::ui::plan::goals::GoalsSection,
        KpiRoute => Kpi: crate::ui::plan::kpi::KpiPage,
        RoadmapRoute => Roadmap: crate::ui::plan::roadmap::RoadmapSection,
        InitiativeRoute => Initiative: crate::ui::plan::roadmap::InitiativePage,
        BudgetRoute => Budget: crate::ui::plan::budget::BudgetSection,
        TeamRoute => Team: crate::ui::plan::team::TeamSection,
        RisksRoute => Risks: crate::ui::plan::risks::RisksSection,
    }
);

screen_group!(
    /// Partners and tools: the scorecards.
    choose_screens, ChooseScreen {
        PartnersRoute => Partners: crate::ui::choose::scorecards::PartnersSection,
        ToolsRoute => Tools: crate::ui::choose::scorecards::ToolsSection,
        ScorecardRoute => Scorecard: crate::ui::choose::scorecard::ScorecardPage,
    }
);

screen_group!(
    /// Snapshots, the comparison and the board report.
    track_screens, TrackScreen {
        SnapshotsRoute => Snapshots: crate::ui::track::snapshots::SnapshotsSection,
        CompareRoute => Compare: crate::ui::track::compare::CompareSection,
        ReportRoute => Report: crate::ui::track::report::ReportSection,
    }
);

screen_group!(
    /// The consultant's portfolio of clients.
    portfolio_screens, PortfolioScreen {
        PortfolioRoute => Portfolio: crate::ui::workspace::portfolio_page::PortfolioPage,
    }
);

/// Fetches every group of screens ahead of time, so the first click on a section does not wait
/// for the network, but only from the service worker's cache: once a worker controls the page
/// (at once on a later visit; when it takes over, on the first). Before that, the worker is
/// downloading every module as it installs, so preloading too would download them twice, and a
/// preload that fails cannot be caught (see `panic_screen`): a screen that was never asked for
/// must not take the page down. Without a service worker, each group loads when first opened.
pub fn prefetch_when_idle() {
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::Cell;
        use std::rc::Rc;
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;

        let (Some(window), Some(container)) = (web_sys::window(), super::offline::container())
        else {
            return;
        };
        if container.controller().is_some() {
            when_idle(&window);
            return;
        }
        let done = Rc::new(Cell::new(false));
        let on_change = Closure::<dyn FnMut()>::new(move || {
            // `controllerchange` fires again when an update takes over: preload once.
            if !done.replace(true) {
                if let Some(window) = web_sys::window() {
                    when_idle(&window);
                }
            }
        });
        let _ = container.add_event_listener_with_callback(
            "controllerchange",
            on_change.as_ref().unchecked_ref(),
        );
        // Listens for the page's lifetime.
        on_change.forget();
    }
}

#[cfg(target_arch = "wasm32")]
fn when_idle(window: &web_sys::Window) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let start = Closure::once_into_js(|| {
        leptos::task::spawn_local(async {
            // The assessment first: every section opens inside its frame.
            __preload_assess_screens().await;
            __preload_plan_screens().await;
            __preload_track_screens().await;
            __preload_choose_screens().await;
            __preload_portfolio_screens().await;
        });
    });
    // requestIdleCallback is missing in some browsers (Safari); a short timeout stands in.
    let idle = js_sys::Reflect::get(window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let scheduled = match idle {
        Some(request) => request.call1(window, &start).is_ok(),
        None => false,
    };
    if !scheduled {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 1500);
    }
}
