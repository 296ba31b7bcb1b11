package com.partnerbot.slack.bolt;

import java.util.Map;

import com.slack.api.model.view.ViewState;

/**
 * What a person entered in a modal, by block id; each input's action id is {@code value}.
 */
public final class FormValues {

	private final Map<String, Map<String, ViewState.Value>> values;

	public FormValues(Map<String, Map<String, ViewState.Value>> values) {
		this.values = (values != null) ? values : Map.of();
	}

	/** The input of a block, if the form has it. */
	public ViewState.Value value(String block) {
		Map<String, ViewState.Value> inBlock = values.get(block);
		return (inBlock != null) ? inBlock.get("value") : null;
	}

	/** The text typed in a block, stripped; null when nothing was typed. */
	public String text(String block) {
		ViewState.Value value = value(block);
		return (value != null && value.getValue() != null && !value.getValue().isBlank()) ? value.getValue().strip()
				: null;
	}

	/** The option chosen in a block's select; null when none. */
	public String selected(String block) {
		ViewState.Value value = value(block);
		return (value != null && value.getSelectedOption() != null) ? value.getSelectedOption().getValue() : null;
	}

	/** The day picked in a block's date picker; null when none. */
	public java.time.LocalDate date(String block) {
		ViewState.Value value = value(block);
		return (value != null && value.getSelectedDate() != null) ? java.time.LocalDate.parse(value.getSelectedDate())
				: null;
	}

}
