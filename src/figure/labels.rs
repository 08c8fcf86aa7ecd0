//! The words a figure shows, in one place so the page can pass them translated (its i18n
//! layer owns the languages; the CLI uses these English defaults). Placeholders in braces
//! (`{step}`, `{min}`, `{n}`, `{loss}`) are filled in here.

/// Every label of the figure and the charts. Missing fields keep their English default.
#[derive(Clone, Debug, PartialEq)]
pub struct Labels {
    /// The loss chart's caption on a log axis.
    pub loss_log: String,
    /// The loss chart's caption when the loss is shifted by a negative minimum (`{min}`).
    pub loss_shifted: String,
    /// The loss chart's caption on a linear axis (no known minimum).
    pub loss_linear: String,
    /// The learning-rate chart's caption.
    pub lr_caption: String,
    /// The regression loss chart's caption (training solid, validation dashed).
    pub regression_loss: String,
    /// The x axis of the charts.
    pub step_axis: String,
    /// The loss axis.
    pub loss_axis: String,
    /// The loss axis when shifted by the minimum.
    pub loss_shifted_axis: String,
    /// The learning-rate axis.
    pub lr_axis: String,
    /// The header's step (`{step}`).
    pub step_of: String,
    /// Under the step (`{n}`: the scenario's steps).
    pub of_steps: String,
    /// A legend row's status (`{loss}`).
    pub legend_loss: String,
    /// A legend row of a diverged run (`{step}`).
    pub legend_diverged: String,
    /// The legend's last row when runs do not fit (`{n}`).
    pub legend_more: String,
    /// The best-step marker of an early-stopping run (`{step}`).
    pub best_step: String,
    /// Regression's (w, b) view caption.
    pub param_view: String,
    /// Regression's data view caption.
    pub data_view: String,
    /// Regression's data view caption with a validation split.
    pub data_view_split: String,
    /// The regression title.
    pub regression_title: String,
    /// A custom formula's title.
    pub formula_title: String,
}

impl Default for Labels {
    fn default() -> Self {
        let s = |t: &str| t.to_string();
        Labels {
            loss_log: s("Loss (log scale)"),
            loss_shifted: s("Loss − min (min = {min}, log scale)"),
            loss_linear: s("Loss (linear scale: no minimum)"),
            lr_caption: s("Learning rate (log scale)"),
            regression_loss: s("Loss (log): training solid, validation dashed"),
            step_axis: s("step"),
            loss_axis: s("loss"),
            loss_shifted_axis: s("loss − min"),
            lr_axis: s("learning rate"),
            step_of: s("step {step}"),
            of_steps: s("of {n}"),
            legend_loss: s("loss {loss}"),
            legend_diverged: s("diverged at step {step}"),
            legend_more: s("+ {n} more runs"),
            best_step: s("best {step}"),
            param_view: s("Loss over (w, b)"),
            data_view: s("Data and each run's line"),
            data_view_split: s("Data (● training, ○ validation) and each run's line"),
            regression_title: s("Linear regression"),
            formula_title: s("Custom formula"),
        }
    }
}

impl Labels {
    /// The English labels with those of `text` (`key<TAB>label` lines, as the page sends
    /// them: a hand-read format, so the wasm module carries no deserializer for 20
    /// fields) in their place. Unknown keys are ignored.
    pub fn from_lines(text: &str) -> Labels {
        let mut labels = Labels::default();
        for (key, value) in pairs(text) {
            if let Some(slot) = labels.slot(key) {
                *slot = value.to_string();
            }
        }
        labels
    }

    fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "loss_log" => &mut self.loss_log,
            "loss_shifted" => &mut self.loss_shifted,
            "loss_linear" => &mut self.loss_linear,
            "lr_caption" => &mut self.lr_caption,
            "regression_loss" => &mut self.regression_loss,
            "step_axis" => &mut self.step_axis,
            "loss_axis" => &mut self.loss_axis,
            "loss_shifted_axis" => &mut self.loss_shifted_axis,
            "lr_axis" => &mut self.lr_axis,
            "step_of" => &mut self.step_of,
            "of_steps" => &mut self.of_steps,
            "legend_loss" => &mut self.legend_loss,
            "legend_diverged" => &mut self.legend_diverged,
            "legend_more" => &mut self.legend_more,
            "best_step" => &mut self.best_step,
            "param_view" => &mut self.param_view,
            "data_view" => &mut self.data_view,
            "data_view_split" => &mut self.data_view_split,
            "regression_title" => &mut self.regression_title,
            "formula_title" => &mut self.formula_title,
            _ => return None,
        })
    }
}

/// The `key<TAB>value` lines of `text`.
pub fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter_map(|l| l.split_once('\t'))
}

/// `template` with `{key}` replaced by `value`.
pub fn fill(template: &str, key: &str, value: &str) -> String {
    template.replace(&format!("{{{key}}}"), value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_labels_keep_their_english_default_and_placeholders_are_filled() {
        let l = Labels::from_lines("step_axis\t步数\nnot_a_label\tx");
        assert_eq!(l.step_axis, "步数");
        assert_eq!(l.lr_axis, "learning rate");
        assert_eq!(fill(&l.step_of, "step", "1,000"), "step 1,000");
    }
}
