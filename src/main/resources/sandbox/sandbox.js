'use strict';

/*
 * Partnerbot's local Slack sandbox: polls the emulator's feed and renders it the way
 * Slack's desktop client would, for whichever user the page is acting as.
 */
(function () {
	const POLL_MS = 400;
	const RETRY_MS = 1500;
	const API_LOG_LIMIT = 200;
	const STORE_IDENTITY = 'sandbox.identity';
	const STORE_WELCOME = 'sandbox.welcomeDismissed';
	const STORE_DRAWER = 'sandbox.apiDrawerClosed';
	const HOME = 'home';
	const STATEFUL = new Set(['plain_text_input', 'number_input', 'static_select', 'multi_static_select',
		'datepicker', 'radio_buttons', 'checkboxes']);

	const EMOJI = {
		white_check_mark: '✅', x: '❌', warning: '⚠️', handshake: '🤝', alarm_clock: '⏰', thumbsup: '👍', '+1': '👍',
		thumbsdown: '👎', '-1': '👎', star: '⭐', tada: '🎉', mag: '🔍', books: '📚', chart_with_upwards_trend: '📈',
		bar_chart: '📊', trophy: '🏆', bulb: '💡', memo: '📝', bell: '🔔', rotating_light: '🚨', question: '❓',
		wave: '👋', mortar_board: '🎓', speech_balloon: '💬', calendar: '📅', lock: '🔒', information_source: 'ℹ️',
		hourglass_flowing_sand: '⏳', heavy_check_mark: '✔️', small_red_triangle: '🔺', arrow_right: '➡️',
		// not asked for, but common in bot messages
		chart_with_downwards_trend: '📉', small_red_triangle_down: '🔻', hourglass: '⌛', date: '📅', smile: '😄',
		slightly_smiling_face: '🙂', rocket: '🚀', eyes: '👀', fire: '🔥', sparkles: '✨', clipboard: '📋',
		moneybag: '💰', email: '📧', link: '🔗', pushpin: '📌', gear: '⚙️', point_right: '👉', clap: '👏',
		no_entry: '⛔', exclamation: '❗', robot_face: '🤖', page_facing_up: '📄', red_circle: '🔴',
		large_green_circle: '🟢', large_yellow_circle: '🟡', busts_in_silhouette: '👥', office: '🏢',
		briefcase: '💼', medal: '🏅', first_place_medal: '🥇', second_place_medal: '🥈', third_place_medal: '🥉',
		key: '🔑', arrows_counterclockwise: '🔄', new: '🆕', package: '📦', mega: '📣', dart: '🎯', zap: '⚡',
	};

	const AVATAR_COLOURS = ['#e8912d', '#2eb67d', '#36c5f0', '#e01e5a', '#4a154b', '#1264a3', '#9f69a1',
		'#c47a1b', '#3e9079', '#d05d8e', '#5a7bd3', '#8a6a3b'];

	const state = {
		session: null,
		users: new Map(),
		channels: new Map(),
		identity: null,
		current: null,
		thread: null,
		seq: 0,
		loaded: false,
		messages: new Map(),
		ephemerals: new Map(),
		dismissed: new Set(),
		views: new Map(),
		hiddenViews: new Map(),
		drafts: new Map(),
		homes: new Map(),
		statuses: new Map(),
		unread: new Map(),
		shownViewId: null,
		renderedChannel: null,
		renderedThread: null,
		apiCount: 0,
	};
	const dirty = { sidebar: true, main: true, thread: true, modal: true };

	// ---------------------------------------------------------------- small helpers

	const $ = (selector, root = document) => root.querySelector(selector);

	function h(tag, props, ...children) {
		const node = document.createElement(tag);
		for (const [key, value] of Object.entries(props || {})) {
			if (value === null || value === undefined || value === false) continue;
			if (key === 'class') node.className = value;
			else if (key === 'html') node.innerHTML = value; // only ever markup built from escaped text
			else if (key === 'dataset') setData(node, value);
			else node.setAttribute(key, value === true ? '' : value);
		}
		for (const child of children.flat()) {
			if (child !== null && child !== undefined && child !== false) node.append(child);
		}
		return node;
	}

	function setData(node, values) {
		for (const [key, value] of Object.entries(values)) {
			if (value !== null && value !== undefined) node.dataset[key] = String(value);
		}
	}

	function escapeHtml(text) {
		const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
		return String(text ?? '').replace(/[&<>"']/g, (c) => entities[c]);
	}

	function emojify(text) {
		return String(text ?? '').replace(/:([a-z0-9_+-]+):/g, (match, name) => EMOJI[name] || match);
	}

	function key(...parts) {
		return parts.join('|');
	}

	function compareTs(a, b) {
		const [as, af = ''] = String(a).split('.');
		const [bs, bf = ''] = String(b).split('.');
		return (Number(as) - Number(bs)) || (Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0')));
	}

	function tsDate(ts) {
		const seconds = parseFloat(ts);
		return Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
	}

	function formatTime(date) {
		return date ? date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }) : '';
	}

	function dayLabel(ts) {
		const date = tsDate(ts);
		if (!date) return '';
		const today = new Date();
		const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
		if (date.toDateString() === today.toDateString()) return 'Today';
		if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
		return date.toLocaleDateString([], { weekday: 'long', month: 'long', day: 'numeric' });
	}

	function safeUrl(url) {
		return /^(https?:|mailto:)/i.test(String(url ?? '').trim()) ? String(url).trim() : null;
	}

	// ---------------------------------------------------------------- session lookups

	function me() {
		return state.users.get(state.identity) || null;
	}

	function botId() {
		return state.session?.bot?.id;
	}

	function botName() {
		return state.session?.bot?.name || 'Partnerbot';
	}

	function userName(id) {
		if (id && id === botId()) return botName();
		return state.users.get(id)?.name || id || 'unknown';
	}

	function dmOwner(channelId) {
		for (const user of state.users.values()) {
			if (user.dmChannel === channelId) return user;
		}
		return null;
	}

	function viewersOf(channelId) {
		const channel = state.channels.get(channelId);
		if (channel) return channel.visibleTo || [];
		const owner = dmOwner(channelId);
		return owner ? [owner.id] : [];
	}

	function isVisible(channelId) {
		return channelId === HOME || (Boolean(channelId) && channelId === me()?.dmChannel)
			|| Boolean(state.channels.get(channelId)?.visibleTo?.includes(state.identity));
	}

	function isAppView(channelId) {
		return channelId === HOME || (channelId && channelId === me()?.dmChannel);
	}

	function channelTitle(channelId) {
		const channel = state.channels.get(channelId);
		if (channel) return '#' + channel.name;
		const owner = dmOwner(channelId);
		return owner ? `${botName()} (DM with ${owner.name})` : channelId || '';
	}

	function unreadSet(userId) {
		if (!state.unread.has(userId)) state.unread.set(userId, new Set());
		return state.unread.get(userId);
	}

	// ---------------------------------------------------------------- mrkdwn

	function mrkdwn(text) {
		const slots = [];
		const keep = (html) => `\u0000${slots.push(html) - 1}\u0000`;
		let s = escapeHtml(text);
		s = s.replace(/```([\s\S]*?)```/g, (m, code) => keep(`<pre class="code-block">${unslack(code.replace(/^\n/, ''))}</pre>`));
		s = s.replace(/`([^`\n]+)`/g, (m, code) => keep(`<code>${unslack(code)}</code>`));
		s = s.replace(/&lt;((?:(?!&lt;|&gt;)[^\n])+?)&gt;/g, (m, inner) => {
			const html = controlSequence(inner);
			return html === null ? m : keep(html);
		});
		s = s.replace(/https?:\/\/(?:(?!&lt;|&gt;|&quot;|&#39;)[^\s\u0000])+/g, (url) => {
			const trail = url.match(/[.,;:!?)]+$/)?.[0] || '';
			const bare = url.slice(0, url.length - trail.length);
			return keep(`<a href="${bare}" target="_blank" rel="noopener noreferrer">${bare}</a>`) + trail;
		});
		s = inlineStyles(emojify(unslack(s)));
		s = quoteLines(s);
		return s.replace(/\u0000(\d+)\u0000/g, (m, i) => slots[Number(i)]);
	}

	// Slack text arrives with &, < and > escaped; after our own escaping those read &amp;amp; etc.
	function unslack(html) {
		return html.replace(/&amp;(amp|lt|gt);/g, '&$1;');
	}

	function inlineStyles(s) {
		return s
			.replace(/(^|[^\w*])\*(?!\s)([^*\n]*?[^*\s])\*(?![\w*])/g, '$1<b>$2</b>')
			.replace(/(^|[^\w_])_(?!\s)([^_\n]*?[^_\s])_(?![\w_])/g, '$1<i>$2</i>')
			.replace(/(^|[^\w~])~(?!\s)([^~\n]*?[^~\s])~(?![\w~])/g, '$1<s>$2</s>');
	}

	function quoteLines(s) {
		const lines = s.split('\n');
		const parts = [];
		let quote = null;
		for (let i = 0; i < lines.length; i++) {
			const line = lines[i];
			if (line.startsWith('&gt;&gt;&gt;')) {
				quote = (quote || []).concat(line.slice(12).replace(/^ /, ''), lines.slice(i + 1));
				break;
			}
			if (line.startsWith('&gt;')) {
				(quote = quote || []).push(line.slice(4).replace(/^ /, ''));
				continue;
			}
			if (quote) parts.push({ block: `<blockquote>${quote.join('<br>')}</blockquote>` });
			quote = null;
			parts.push({ line });
		}
		if (quote) parts.push({ block: `<blockquote>${quote.join('<br>')}</blockquote>` });
		let html = '';
		parts.forEach((part, i) => {
			const afterLine = i > 0 && parts[i - 1].line !== undefined;
			html += part.block ?? ((afterLine ? '<br>' : '') + part.line);
		});
		return html;
	}

	function controlSequence(inner) {
		const bar = inner.indexOf('|');
		const target = bar < 0 ? inner : inner.slice(0, bar);
		const label = bar < 0 ? null : unslack(inner.slice(bar + 1));
		if (target.startsWith('@')) return mention(target.slice(1), label);
		if (target.startsWith('#')) {
			const channel = state.channels.get(target.slice(1));
			const name = channel ? escapeHtml(channel.name) : (label || target.slice(1));
			return `<span class="channel-mention">#${name}</span>`;
		}
		if (target.startsWith('!')) {
			const special = target.slice(1);
			if (['here', 'channel', 'everyone'].includes(special)) return `<span class="mention broadcast">@${special}</span>`;
			if (special.startsWith('subteam^')) return `<span class="mention">${label || '@group'}</span>`;
			return label !== null ? emojify(label) : null;
		}
		if (/^(https?:|mailto:)/i.test(target)) {
			const href = unslack(target);
			return `<a href="${href}" target="_blank" rel="noopener noreferrer">${label !== null ? emojify(label) : href}</a>`;
		}
		return null;
	}

	function mention(userId, label) {
		const known = userId === botId() || state.users.has(userId);
		const name = known ? escapeHtml(userName(userId)) : (label || userId);
		const own = userId === state.identity ? ' me' : '';
		return `<span class="mention${own}" data-user-id="${userId}">@${name}</span>`;
	}

	function plainText(text, emoji = true) {
		const html = escapeHtml(text).replace(/\n/g, '<br>');
		return emoji ? emojify(html) : html;
	}

	function textHtml(object) {
		if (!object) return '';
		if (typeof object === 'string') return mrkdwn(object);
		return object.type === 'mrkdwn' ? mrkdwn(object.text) : plainText(object.text, object.emoji !== false);
	}

	function rawText(object) {
		return emojify(typeof object === 'string' ? object : object?.text ?? '');
	}

	// ---------------------------------------------------------------- Block Kit

	const BLOCKS = {
		header: (block) => h('h3', { class: 'header-text', html: textHtml(block.text) }),
		divider: () => h('hr'),
		section: renderSection,
		context: renderContext,
		actions: (block, blockId) => h('div', { class: 'actions-row' },
			(block.elements || []).map((element, i) => renderElement(element, blockId, i))),
		image: renderImageBlock,
		rich_text: (block) => h('div', { class: 'rich-text' }, (block.elements || []).map(renderRichElement)),
		input: renderInput,
	};

	function renderBlocks(blocks, context) {
		const box = h('div', { class: 'blocks', dataset: { surface: context.surface, channel: context.channel,
			messageTs: context.messageTs, ephemeral: context.ephemeral ? 'true' : null, viewId: context.viewId } });
		(blocks || []).forEach((block, index) => box.append(renderBlock(block, index, context.errors)));
		return box;
	}

	function renderBlock(block, index, errors) {
		const type = block?.type;
		const blockId = block?.block_id || `block_${index}`;
		const node = h('div', { class: `block block-${type}`, dataset: { blockId } });
		try {
			node.append(BLOCKS[type] ? BLOCKS[type](block, blockId) : unsupported('block', type));
		} catch (error) {
			console.error('could not render block', block, error);
			node.replaceChildren(unsupported('block', type));
		}
		if (errors?.[blockId]) {
			node.classList.add('has-error');
			node.append(h('div', { class: 'input-error' }, String(errors[blockId])));
		}
		return node;
	}

	function unsupported(what, type) {
		return h('div', { class: `${what}-unsupported unsupported` }, `[unsupported ${what}: ${type}]`);
	}

	function renderSection(block, blockId) {
		const body = h('div', { class: 'section-body' },
			block.text ? h('div', { class: 'section-text', html: textHtml(block.text) }) : null,
			block.fields ? h('div', { class: 'section-fields' },
				block.fields.map((field) => h('div', { class: 'section-field', html: textHtml(field) }))) : null);
		const accessory = block.accessory
			? h('div', { class: 'section-accessory' }, renderElement(block.accessory, blockId, 0)) : null;
		return h('div', { class: 'section' }, body, accessory);
	}

	function renderContext(block) {
		return h('div', { class: 'context' }, (block.elements || []).map((element) => element.type === 'image'
			? image(element.image_url, element.alt_text, 'context-image')
			: h('span', { class: 'context-text', html: textHtml(element) })));
	}

	function renderImageBlock(block) {
		return h('figure', { class: 'image-block' },
			block.title ? h('figcaption', { html: textHtml(block.title) }) : null,
			image(block.slack_file ? `/sandbox/files/${encodeURIComponent(block.slack_file.id)}` : block.image_url,
				block.alt_text, 'block-image'));
	}

	function image(url, alt, className) {
		const img = h('img', { class: className, src: url || '', alt: alt || '', title: alt || '', loading: 'lazy' });
		// offline the picture rarely loads; show what it is meant to be instead
		img.addEventListener('error', () => img.replaceWith(h('span', { class: `${className} image-missing` }, '🖼 ', alt || 'image')));
		return img;
	}

	function elementData(element, blockId, index, extra) {
		return { blockId, actionId: element.action_id || `action_${index}`, elementType: element.type, ...extra };
	}

	function renderElement(element, blockId, index, options = {}) {
		const data = elementData(element, blockId, index, { dispatch: options.dispatch ? 'true' : null });
		switch (element?.type) {
			case 'button': return renderButton(element, data);
			case 'static_select': return renderSelect(element, data, false);
			case 'multi_static_select': return renderSelect(element, data, true);
			case 'overflow': return renderOverflow(element, data);
			case 'datepicker':
				return h('input', { type: 'date', class: 'block-datepicker', value: element.initial_date || null, dataset: data });
			case 'plain_text_input': return renderTextInput(element, data);
			case 'number_input':
				return h('input', { type: 'number', class: 'block-input-text', dataset: data,
					step: element.is_decimal_allowed ? 'any' : '1', min: element.min_value, max: element.max_value,
					value: element.initial_value, placeholder: rawText(element.placeholder) || null });
			case 'radio_buttons': return renderChoices(element, data, 'radio');
			case 'checkboxes': return renderChoices(element, data, 'checkbox');
			case 'image': return image(element.image_url, element.alt_text, 'accessory-image');
			default: return unsupported('element', element?.type);
		}
	}

	function renderButton(element, data) {
		const style = element.style === 'primary' || element.style === 'danger' ? ' ' + element.style : '';
		return h('button', { type: 'button', class: 'block-button' + style, html: plainText(element.text?.text),
			dataset: { ...data, value: element.value, url: safeUrl(element.url) } });
	}

	function optionNode(option, selected) {
		return h('option', { value: option.value ?? '', selected, dataset: { text: option.text?.text ?? '' } },
			rawText(option.text));
	}

	function renderSelect(element, data, multiple) {
		const chosen = new Set((multiple ? element.initial_options || [] : [element.initial_option])
			.filter(Boolean).map((option) => option.value));
		const select = h('select', { class: 'block-select', multiple, dataset: data,
			size: multiple ? Math.min(5, Math.max(2, (element.options || []).length)) : null });
		if (!multiple) {
			select.append(h('option', { value: '', disabled: true, selected: chosen.size === 0 },
				rawText(element.placeholder) || 'Select an item'));
		}
		for (const option of element.options || []) select.append(optionNode(option, chosen.has(option.value)));
		for (const group of element.option_groups || []) {
			select.append(h('optgroup', { label: rawText(group.label) },
				(group.options || []).map((option) => optionNode(option, chosen.has(option.value)))));
		}
		return select;
	}

	function renderOverflow(element, data) {
		const menu = h('div', { class: 'overflow-menu', hidden: true }, (element.options || []).map((option) =>
			h('button', { type: 'button', class: 'overflow-option', html: plainText(option.text?.text),
				dataset: { value: option.value, text: option.text?.text ?? '', url: safeUrl(option.url) } })));
		return h('div', { class: 'block-overflow', dataset: data },
			h('button', { type: 'button', class: 'overflow-toggle', title: 'More actions' }, '⋯'), menu);
	}

	function renderTextInput(element, data) {
		const props = { class: 'block-input-text', dataset: data, placeholder: rawText(element.placeholder) || null,
			maxlength: element.max_length, minlength: element.min_length };
		if (element.multiline) return h('textarea', { ...props, rows: 4 }, element.initial_value ?? '');
		return h('input', { ...props, type: 'text', value: element.initial_value });
	}

	function renderChoices(element, data, kind) {
		const initial = new Set((kind === 'radio' ? [element.initial_option] : element.initial_options || [])
			.filter(Boolean).map((option) => option.value));
		const name = `${data.blockId}/${data.actionId}/${Math.random().toString(36).slice(2, 8)}`;
		return h('div', { class: `block-choices ${kind}`, dataset: data }, (element.options || []).map((option) =>
			h('label', { class: 'choice' },
				h('input', { type: kind, name, value: option.value ?? '', checked: initial.has(option.value),
					dataset: { text: option.text?.text ?? '' } }),
				h('span', { class: 'choice-text', html: textHtml(option.text) }),
				option.description ? h('span', { class: 'choice-description', html: textHtml(option.description) }) : null)));
	}

	function renderInput(block, blockId) {
		const element = block.element || {};
		return h('div', { class: 'input-block' },
			h('label', { class: 'input-label' }, h('span', { html: plainText(block.label?.text) }),
				block.optional ? h('span', { class: 'optional' }, ' (optional)') : null),
			renderElement(element, blockId, 0, { dispatch: block.dispatch_action }),
			block.hint ? h('div', { class: 'input-hint', html: textHtml(block.hint) }) : null);
	}

	function renderRichElement(element) {
		switch (element?.type) {
			case 'rich_text_section': return h('div', { class: 'rich-section', html: richInline(element.elements) });
			case 'rich_text_preformatted': return h('pre', { class: 'code-block', html: richInline(element.elements, true) });
			case 'rich_text_quote': return h('blockquote', { html: richInline(element.elements) });
			case 'rich_text_list': {
				const list = h(element.style === 'ordered' ? 'ol' : 'ul', { class: `rich-list indent-${element.indent || 0}` });
				for (const item of element.elements || []) list.append(h('li', { html: richInline(item.elements) }));
				return list;
			}
			default: return unsupported('element', element?.type);
		}
	}

	function richInline(elements, plain = false) {
		return (elements || []).map((element) => {
			switch (element.type) {
				case 'text': return styled(escapeHtml(element.text).replace(/\n/g, '<br>'), plain ? null : element.style);
				case 'link': {
					const url = safeUrl(element.url);
					const label = escapeHtml(element.text || element.url);
					return url ? styled(`<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>`, element.style) : label;
				}
				case 'emoji': return element.unicode
					? element.unicode.split('-').map((code) => String.fromCodePoint(parseInt(code, 16))).join('')
					: EMOJI[element.name] || `:${escapeHtml(element.name)}:`;
				case 'user': return mention(escapeHtml(element.user_id), null);
				case 'channel': return controlSequence('#' + escapeHtml(element.channel_id));
				case 'broadcast': return `<span class="mention broadcast">@${escapeHtml(element.range)}</span>`;
				case 'usergroup': return '<span class="mention">@group</span>';
				case 'date': return escapeHtml(element.fallback || '');
				default: return `<span class="unsupported">[unsupported element: ${escapeHtml(element.type)}]</span>`;
			}
		}).join('');
	}

	function styled(html, style) {
		if (!style) return html;
		if (style.code) html = `<code>${html}</code>`;
		if (style.bold) html = `<b>${html}</b>`;
		if (style.italic) html = `<i>${html}</i>`;
		if (style.strike) html = `<s>${html}</s>`;
		return html;
	}

	// ---------------------------------------------------------------- messages

	function initials(name) {
		const words = String(name || '?').trim().split(/\s+/).filter(Boolean);
		return (words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] || '?')[0]).toUpperCase();
	}

	function avatar(userId, small) {
		const bot = userId === botId();
		let hash = 0;
		for (const c of String(userId)) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
		const colour = bot ? '#611f69' : AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
		return h('div', { class: `avatar${small ? ' small' : ''}${bot ? ' bot' : ''}`, style: `background:${colour}`,
			title: userName(userId) }, bot ? '🤝' : initials(userName(userId)));
	}

	function isTopLevel(message) {
		return !message.threadTs || message.threadTs === message.ts;
	}

	function renderMessage(entry, options = {}) {
		const ephemeral = entry.type === 'ephemeral';
		const author = ephemeral ? botId() : entry.user;
		const isBot = ephemeral || entry.bot || author === botId();
		const date = tsDate(entry.ts);
		const hasBlocks = Array.isArray(entry.blocks) && entry.blocks.length > 0;
		const body = hasBlocks
			? renderBlocks(entry.blocks, { surface: 'message', channel: entry.channel, messageTs: entry.ts, ephemeral })
			: h('div', { class: 'message-text', html: mrkdwn(entry.text) });
		const content = h('div', { class: 'message-content' },
			ephemeral ? h('div', { class: 'ephemeral-label' }, '👁 Only visible to you') : null,
			h('div', { class: 'message-meta' },
				h('span', { class: 'message-name' }, isBot ? botName() : userName(author)),
				isBot ? h('span', { class: 'app-badge' }, 'APP') : null,
				h('span', { class: 'message-time', title: date ? date.toLocaleString() : '' }, formatTime(date))),
			body,
			entry.edited ? h('span', { class: 'edited' }, '(edited)') : null,
			ephemeral ? h('button', { type: 'button', class: 'ephemeral-dismiss', dataset: { key: ephemeralKey(entry) } },
				'Dismiss message') : null,
			options.summary ? threadSummary(entry, options.summary) : null);
		const node = h('div', { class: `message${ephemeral ? ' ephemeral' : ''}${isBot ? ' from-bot' : ''}`,
			dataset: { channel: entry.channel, ts: entry.ts } }, avatar(isBot ? botId() : author), content);
		if (!ephemeral && !options.inThread) {
			node.append(h('div', { class: 'message-actions' },
				h('button', { type: 'button', class: 'reply-in-thread', title: 'Reply in thread', 'aria-label': 'Reply in thread',
					dataset: { channel: entry.channel, ts: entry.ts } }, '💬')));
		}
		return node;
	}

	function threadSummary(entry, summary) {
		const data = { channel: entry.channel, ts: entry.ts };
		const label = summary.count > 0
			? h('button', { type: 'button', class: 'reply-count', dataset: data }, `${summary.count} ${summary.count === 1 ? 'reply' : 'replies'}`)
			: h('button', { type: 'button', class: 'thread-link', dataset: data }, 'View thread');
		return h('div', { class: 'thread-summary' },
			[...summary.users].slice(0, 4).map((user) => avatar(user, true)), label,
			summary.lastTs ? h('span', { class: 'thread-last' }, `Last reply ${formatTime(tsDate(summary.lastTs))}`) : null);
	}

	function ephemeralKey(entry) {
		return key(entry.channel, entry.ts, entry.forUser);
	}

	function visibleEphemerals(filter) {
		return [...state.ephemerals.values()].filter((e) =>
			e.forUser === state.identity && !state.dismissed.has(ephemeralKey(e)) && filter(e));
	}

	function channelItems(channelId) {
		const items = [...state.messages.values()].filter((m) => m.channel === channelId && isTopLevel(m));
		items.push(...visibleEphemerals((e) => e.channel === channelId && isTopLevel(e)));
		return items.sort((a, b) => compareTs(a.ts, b.ts));
	}

	function threadItems(thread) {
		const inThread = (m) => m.channel === thread.channel && m.threadTs === thread.ts && m.ts !== thread.ts;
		const items = [...state.messages.values()].filter(inThread);
		items.push(...visibleEphemerals(inThread));
		return items.sort((a, b) => compareTs(a.ts, b.ts));
	}

	function threadSummaries(channelId) {
		const summaries = new Map();
		const summaryOf = (ts) => summaries.get(ts) || summaries.set(ts, { count: 0, users: new Set(), lastTs: null }).get(ts);
		for (const m of state.messages.values()) {
			if (m.channel !== channelId || isTopLevel(m)) continue;
			const summary = summaryOf(m.threadTs);
			summary.count++;
			summary.users.add(m.bot ? botId() : m.user);
			if (!summary.lastTs || compareTs(m.ts, summary.lastTs) > 0) summary.lastTs = m.ts;
		}
		for (const e of visibleEphemerals((e) => e.channel === channelId && !isTopLevel(e))) summaryOf(e.threadTs);
		return summaries;
	}

	// ---------------------------------------------------------------- rendering the page

	function markDirty(...parts) {
		for (const part of parts.length ? parts : Object.keys(dirty)) dirty[part] = true;
	}

	function render() {
		if (!state.session) return;
		if (dirty.sidebar) renderSidebar();
		if (dirty.main) renderMain();
		if (dirty.thread) renderThread();
		if (dirty.modal) renderModal();
		for (const part of Object.keys(dirty)) dirty[part] = false;
	}

	function sidebarLink(channelId, label, extraClass) {
		const unread = channelId !== HOME && unreadSet(state.identity).has(channelId);
		const active = channelId === state.current;
		return h('a', { href: '#', class: `channel-link${extraClass ? ' ' + extraClass : ''}${active ? ' active' : ''}${unread ? ' unread' : ''}`,
			dataset: { channel: channelId } }, label, unread ? h('span', { class: 'unread-dot', 'aria-label': 'unread' }) : null);
	}

	function renderSidebar() {
		const channels = state.session.channels.filter((channel) => isVisible(channel.id));
		$('#channel-list').replaceChildren(...channels.map((channel) => sidebarLink(channel.id,
			[h('span', { class: 'channel-prefix' }, channel.kind === 'alerts' ? '🔒' : '#'), h('span', { class: 'channel-name' }, channel.name)])));
		const dm = me()?.dmChannel;
		$('#app-list').replaceChildren(
			sidebarLink(dm, [avatar(botId(), true), h('span', { class: 'channel-name' }, botName())], 'app-link'),
			sidebarLink(HOME, [h('span', { class: 'channel-prefix' }, '⌂'), h('span', { class: 'channel-name' }, 'Home')], 'app-sub'));
	}

	function renderMain() {
		const home = state.current === HOME;
		renderHeader();
		$('#messages').hidden = home;
		$('#home-view').hidden = !home;
		$('#composer').hidden = home;
		if (home) renderHome();
		else renderMessages();
		const channel = state.channels.get(state.current);
		$('#composer-input').placeholder = channel ? `Message #${channel.name}` : `Message ${botName()}`;
	}

	function renderHeader() {
		const header = $('#main-header');
		if (isAppView(state.current)) {
			const tab = (channelId, label) => h('button', { type: 'button', class: `app-tab${state.current === channelId ? ' active' : ''}`,
				dataset: { channel: channelId } }, label);
			header.replaceChildren(
				h('div', { class: 'header-title app-title' }, avatar(botId(), true), h('span', {}, botName()), h('span', { class: 'app-badge' }, 'APP')),
				h('div', { class: 'app-tabs' }, tab(HOME, 'Home'), tab(me()?.dmChannel, 'Messages'), h('span', { class: 'app-tab disabled' }, 'About')));
			return;
		}
		const channel = state.channels.get(state.current);
		header.replaceChildren(
			h('div', { class: 'header-title' }, h('span', { class: 'channel-prefix' }, channel?.kind === 'alerts' ? '🔒' : '#'),
				h('span', { class: 'channel-name' }, channel?.name || state.current || '')),
			h('div', { class: 'channel-topic' }, channel?.topic || ''));
	}

	function channelIntro(channelId) {
		const channel = state.channels.get(channelId);
		if (!channel) {
			return h('div', { class: 'channel-intro' }, avatar(botId()), h('h2', {}, botName()),
				h('p', {}, `This is the very beginning of your direct message history with ${botName()}.`));
		}
		return h('div', { class: 'channel-intro' }, h('h2', {}, `# ${channel.name}`),
			h('p', {}, `This is the very beginning of the #${channel.name} channel. ${channel.topic || ''}`));
	}

	function nearBottom(list) {
		return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
	}

	// A list the reader left at its bottom stays there through new messages and resizes.
	function keepAtBottom(list) {
		list.dataset.stuck = 'true';
		list.addEventListener('scroll', () => {
			list.dataset.stuck = String(nearBottom(list));
		});
		new ResizeObserver(() => {
			if (list.dataset.stuck === 'true') list.scrollTop = list.scrollHeight;
		}).observe(list);
	}

	function renderMessages() {
		const list = $('#messages');
		const channelId = state.current;
		const stick = state.renderedChannel !== channelId || list.dataset.stuck === 'true';
		const summaries = threadSummaries(channelId);
		const nodes = [channelIntro(channelId)];
		let lastDay = null;
		for (const item of channelItems(channelId)) {
			const day = dayLabel(item.ts);
			if (day !== lastDay) nodes.push(h('div', { class: 'day-divider' }, h('span', {}, day)));
			lastDay = day;
			nodes.push(renderMessage(item, { summary: isTopLevel(item) ? summaries.get(item.ts) : null }));
			const status = isTopLevel(item) ? statusLine(channelId, item.ts) : null;
			if (status) nodes.push(status);
		}
		const scrollTop = list.scrollTop;
		list.replaceChildren(...nodes);
		list.scrollTop = stick ? list.scrollHeight : scrollTop;
		state.renderedChannel = channelId;
	}

	/** What the bot said it is doing in a thread (assistant.threads.setStatus), if anything. */
	function statusLine(channelId, threadTs) {
		const text = state.statuses.get(key(channelId, threadTs));
		return text ? h('div', { class: 'bot-status' }, `${botName()} ${text}`) : null;
	}

	function renderHome() {
		const view = state.homes.get(state.identity);
		const pane = $('#home-view');
		pane.replaceChildren(view
			? renderBlocks(view.blocks, { surface: 'home' })
			: h('div', { class: 'home-empty' }, `${botName()} is getting your Home ready…`));
		state.renderedChannel = HOME;
	}

	function renderThread() {
		const pane = $('#thread-pane');
		const thread = state.thread;
		if (!thread || !isVisible(thread.channel)) {
			state.thread = null;
			pane.hidden = true;
			document.body.classList.remove('thread-open');
			return;
		}
		pane.hidden = false;
		document.body.classList.add('thread-open');
		$('#thread-channel').textContent = channelTitle(thread.channel);
		const list = $('#thread-messages');
		const threadKey = key(thread.channel, thread.ts);
		const stick = state.renderedThread !== threadKey || list.dataset.stuck === 'true';
		const parent = state.messages.get(threadKey);
		const replies = threadItems(thread);
		const count = replies.filter((reply) => reply.type !== 'ephemeral').length;
		list.replaceChildren(
			parent ? renderMessage(parent, { inThread: true }) : h('div', { class: 'message-deleted' }, 'This message was deleted.'),
			h('div', { class: 'thread-divider' }, h('span', {}, `${count} ${count === 1 ? 'reply' : 'replies'}`)),
			...replies.map((reply) => renderMessage(reply, { inThread: true })),
			...[statusLine(thread.channel, thread.ts)].filter(Boolean));
		if (stick) list.scrollTop = list.scrollHeight;
		state.renderedThread = threadKey;
	}

	// ---------------------------------------------------------------- modals

	function currentView() {
		let best = null;
		for (const entry of state.views.values()) {
			if (entry.forUser !== state.identity || !isOpen(entry)) continue;
			if (!best || entry.seq > best.seq) best = entry;
		}
		return best;
	}

	function isOpen(entry) {
		return Boolean(entry) && entry.state === 'open' && (state.hiddenViews.get(entry.viewId) ?? -1) < entry.seq;
	}

	function controlKey(control) {
		return `${control.dataset.blockId}/${control.dataset.actionId}`;
	}

	function controls(root) {
		return [...root.querySelectorAll('[data-element-type]')].filter((c) => STATEFUL.has(c.dataset.elementType));
	}

	function readControl(control) {
		switch (control.dataset.elementType) {
			case 'static_select': return control.value || null;
			case 'multi_static_select': return [...control.selectedOptions].map((o) => o.value);
			case 'radio_buttons': return control.querySelector('input:checked')?.value ?? null;
			case 'checkboxes': return [...control.querySelectorAll('input:checked')].map((i) => i.value);
			default: return control.value;
		}
	}

	function writeControl(control, value) {
		const type = control.dataset.elementType;
		if (type === 'multi_static_select') {
			for (const option of control.options) option.selected = value.includes(option.value);
		} else if (type === 'radio_buttons' || type === 'checkboxes') {
			const wanted = Array.isArray(value) ? value : [value];
			for (const input of control.querySelectorAll('input')) input.checked = wanted.includes(input.value);
		} else if (type === 'static_select') {
			control.value = value ?? '';
			if (control.selectedIndex < 0) control.selectedIndex = 0;
		} else {
			control.value = value ?? '';
		}
	}

	function captureInputs(root) {
		const draft = new Map();
		for (const control of controls(root)) draft.set(controlKey(control), { type: control.dataset.elementType, value: readControl(control) });
		return draft;
	}

	function restoreInputs(root, draft) {
		if (!draft) return;
		for (const control of controls(root)) {
			const saved = draft.get(controlKey(control));
			if (saved && saved.type === control.dataset.elementType) writeControl(control, saved.value);
		}
	}

	function selectedOption(input) {
		return input ? { value: input.value, text: { type: 'plain_text', text: input.dataset.text ?? input.textContent } } : null;
	}

	function stateValue(control) {
		const type = control.dataset.elementType;
		switch (type) {
			case 'plain_text_input':
			case 'number_input': return { type, value: control.value === '' ? null : control.value };
			case 'datepicker': return { type, selected_date: control.value || null };
			case 'static_select': return { type, selected_option: control.value ? selectedOption(control.selectedOptions[0]) : null };
			case 'multi_static_select': return { type, selected_options: [...control.selectedOptions].map(selectedOption) };
			case 'radio_buttons': return { type, selected_option: selectedOption(control.querySelector('input:checked')) };
			case 'checkboxes': return { type, selected_options: [...control.querySelectorAll('input:checked')].map(selectedOption) };
			default: return null;
		}
	}

	function collectValues(root) {
		const values = {};
		for (const control of controls(root)) {
			const blockId = control.dataset.blockId;
			values[blockId] = values[blockId] || {};
			values[blockId][control.dataset.actionId] = stateValue(control);
		}
		return values;
	}

	// Slack itself refuses to submit a modal with an empty required input
	function missingRequired(view, root) {
		const errors = {};
		(view.blocks || []).forEach((block, index) => {
			if (block.type !== 'input' || block.optional) return;
			const blockId = block.block_id || `block_${index}`;
			const control = controls(root).find((c) => c.dataset.blockId === blockId);
			const value = control ? readControl(control) : 'n/a';
			if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
				errors[blockId] = 'Please complete this required field.';
			}
		});
		return errors;
	}

	function focusedControl(body) {
		const active = document.activeElement;
		const control = active && body.contains(active) ? active.closest('[data-element-type]') : null;
		if (!control) return null;
		return { key: controlKey(control), start: active.selectionStart, end: active.selectionEnd };
	}

	function restoreFocus(body, focus) {
		const control = focus && controls(body).find((c) => controlKey(c) === focus.key);
		const target = control?.matches('input, select, textarea') ? control : control?.querySelector('input');
		if (!target) return;
		target.focus();
		try {
			if (focus.start !== null && focus.start !== undefined) target.setSelectionRange(focus.start, focus.end);
		} catch (ignored) {
			// selection is not supported on dates, numbers and selects
		}
	}

	function renderModal() {
		const modal = $('#modal');
		const body = $('#modal-body');
		const entry = currentView();
		let focus = null;
		if (state.shownViewId && !modal.hidden && isOpen(state.views.get(state.shownViewId))) {
			state.drafts.set(state.shownViewId, captureInputs(body));
			focus = entry?.viewId === state.shownViewId ? focusedControl(body) : null;
		}
		if (!entry) {
			modal.hidden = true;
			state.shownViewId = null;
			body.replaceChildren();
			return;
		}
		const view = entry.view || {};
		modal.dataset.viewId = entry.viewId;
		$('.modal-title', modal).textContent = rawText(view.title) || botName();
		body.replaceChildren(renderBlocks(view.blocks, { surface: 'modal', viewId: entry.viewId, errors: entry.localErrors || entry.errors }));
		restoreInputs(body, state.drafts.get(entry.viewId));
		const submit = $('#modal-submit');
		submit.hidden = !view.submit;
		submit.textContent = rawText(view.submit) || 'Submit';
		$('#modal-close').textContent = rawText(view.close) || 'Cancel';
		modal.hidden = false;
		state.shownViewId = entry.viewId;
		restoreFocus(body, focus);
	}

	function hideView(viewId) {
		state.hiddenViews.set(viewId, state.seq);
		state.drafts.delete(viewId);
		markDirty('modal');
		render();
	}

	async function submitModal() {
		const entry = currentView();
		if (!entry) return;
		const body = $('#modal-body');
		const missing = missingRequired(entry.view || {}, body);
		if (Object.keys(missing).length) {
			entry.localErrors = missing;
			markDirty('modal');
			return render();
		}
		const submit = $('#modal-submit');
		submit.disabled = true;
		const result = await post('/sandbox/submit', { user: state.identity, viewId: entry.viewId, values: collectValues(body) });
		submit.disabled = false;
		if (!result.ok) return toast(result.error || 'The view could not be submitted');
		entry.localErrors = result.responseAction === 'errors' ? (result.errors || {}) : null;
		if (result.responseAction === 'errors' || result.responseAction === 'update') {
			markDirty('modal');
			return render();
		}
		if (result.responseAction === 'clear') {
			for (const view of state.views.values()) {
				if (view.forUser === state.identity) state.hiddenViews.set(view.viewId, state.seq);
			}
		}
		hideView(entry.viewId);
	}

	async function closeModal() {
		const entry = currentView();
		if (!entry) return;
		hideView(entry.viewId);
		const result = await post('/sandbox/close', { user: state.identity, viewId: entry.viewId });
		if (!result.ok) toast(result.error || 'The view could not be closed');
	}

	// ---------------------------------------------------------------- interactions

	async function post(path, payload) {
		try {
			const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(payload) });
			const result = await response.json().catch(() => ({}));
			if (!response.ok) return { ok: false, error: result.error || `HTTP ${response.status}` };
			return { ok: true, ...result };
		} catch (error) {
			return { ok: false, error: 'Partnerbot is not reachable' };
		}
	}

	function toast(message) {
		const node = h('div', { class: 'toast' }, String(message));
		$('#toasts').append(node);
		setTimeout(() => node.remove(), 5000);
	}

	async function sendAction(control, extra) {
		const host = control.closest('[data-surface]');
		if (!host) return;
		const result = await post('/sandbox/action', {
			user: state.identity,
			channel: host.dataset.channel || null,
			messageTs: host.dataset.messageTs || null,
			ephemeral: host.dataset.ephemeral === 'true',
			viewId: host.dataset.viewId || null,
			home: host.dataset.surface === 'home',
			blockId: control.dataset.blockId,
			actionId: control.dataset.actionId,
			value: null,
			selectedOption: null,
			...extra,
		});
		if (!result.ok) toast(result.error || 'The action failed');
	}

	function plainOption(input) {
		return input ? { value: input.value, text: input.dataset.text ?? input.textContent } : null;
	}

	function closeOverflowMenus(except) {
		for (const menu of document.querySelectorAll('.overflow-menu')) {
			if (menu !== except) menu.hidden = true;
		}
	}

	function onBlockClick(event) {
		const button = event.target.closest('.block-button');
		const toggle = event.target.closest('.overflow-toggle');
		const option = event.target.closest('.overflow-option');
		if (!toggle) closeOverflowMenus();
		if (button) {
			if (button.dataset.url) window.open(button.dataset.url, '_blank', 'noopener');
			sendAction(button, { value: button.dataset.value ?? null });
		} else if (toggle) {
			const menu = toggle.nextElementSibling;
			closeOverflowMenus(menu);
			menu.hidden = !menu.hidden;
		} else if (option) {
			if (option.dataset.url) window.open(option.dataset.url, '_blank', 'noopener');
			sendAction(option.closest('.block-overflow'), { selectedOption: { value: option.dataset.value, text: option.dataset.text } });
		}
	}

	// Inputs in a modal's input blocks only report back on submit, unless dispatch_action says otherwise.
	function reportsChanges(control) {
		return !control.closest('.block-input') || control.dataset.dispatch === 'true';
	}

	function onBlockChange(event) {
		const control = event.target.closest('[data-element-type]');
		if (!control || !control.closest('[data-surface]') || !reportsChanges(control)) return;
		switch (control.dataset.elementType) {
			case 'static_select': return sendAction(control, { selectedOption: plainOption(control.selectedOptions[0]) });
			case 'radio_buttons':
			case 'checkboxes': return sendAction(control, { value: event.target.value, selectedOption: plainOption(event.target) });
			case 'datepicker':
			case 'number_input': return sendAction(control, { value: control.value || null });
			default: return undefined;
		}
	}

	function onBlockKeydown(event) {
		const control = event.target.closest('[data-element-type="plain_text_input"]');
		if (event.key !== 'Enter' || !control || control.tagName === 'TEXTAREA' || !reportsChanges(control)) return;
		event.preventDefault();
		sendAction(control, { value: control.value });
	}

	function onPageClick(event) {
		const link = event.target.closest('.channel-link, .app-tab[data-channel]');
		if (link) {
			event.preventDefault();
			return navigate(link.dataset.channel);
		}
		const threadOpener = event.target.closest('.reply-in-thread, .reply-count, .thread-link');
		if (threadOpener) return openThread(threadOpener.dataset.channel, threadOpener.dataset.ts);
		const dismiss = event.target.closest('.ephemeral-dismiss');
		if (dismiss) {
			state.dismissed.add(dismiss.dataset.key);
			markDirty('main', 'thread');
			return render();
		}
		const tryIt = event.target.closest('[data-try]');
		if (tryIt) return tryTour(tryIt.dataset.try);
		return onBlockClick(event);
	}

	function openThread(channelId, ts) {
		state.thread = { channel: channelId, ts };
		markDirty('thread');
		render();
		$('#thread-input').focus();
	}

	function closeThread() {
		state.thread = null;
		markDirty('thread');
		render();
	}

	function navigate(channelId) {
		if (!channelId) return;
		state.current = isVisible(channelId) ? channelId : me()?.dmChannel;
		unreadSet(state.identity).delete(state.current);
		if (state.thread && state.thread.channel !== state.current) state.thread = null;
		if (state.current === HOME) post('/sandbox/home', { user: state.identity });
		setComposerError($('#composer-error'), null);
		markDirty();
		render();
		if (state.current !== HOME) $('#composer-input').focus();
	}

	function setIdentity(userId) {
		if (!state.users.has(userId)) return;
		state.identity = userId;
		localStorage.setItem(STORE_IDENTITY, userId);
		document.body.dataset.identity = userId;
		$('#identity').value = userId;
		$('#identity').title = identityLabel(me());
		const target = state.current && isVisible(state.current) ? state.current : me().dmChannel;
		state.current = null;
		navigate(target);
	}

	function setComposerError(line, message) {
		line.hidden = !message;
		line.textContent = message || '';
	}

	async function sendFrom(input, errorLine, channel, threadTs) {
		const text = input.value.trim();
		if (!text || input.dataset.sending) return;
		input.dataset.sending = 'true';
		setComposerError(errorLine, null);
		const result = await post('/sandbox/send', { user: state.identity, channel, text, threadTs: threadTs || null });
		delete input.dataset.sending;
		if (!result.ok) return setComposerError(errorLine, result.error || 'The message could not be sent');
		input.value = '';
		autosize(input);
	}

	function sendComposer() {
		sendFrom($('#composer-input'), $('#composer-error'), state.current, null);
	}

	function sendThreadReply() {
		if (state.thread) sendFrom($('#thread-input'), $('#thread-error'), state.thread.channel, state.thread.ts);
	}

	function autosize(input) {
		input.style.height = 'auto';
		input.style.height = Math.min(input.scrollHeight, 200) + 'px';
	}

	function wireComposer(input, button, send) {
		input.addEventListener('keydown', (event) => {
			if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
				event.preventDefault();
				send();
			}
		});
		input.addEventListener('input', () => autosize(input));
		button.addEventListener('click', send);
	}

	// ---------------------------------------------------------------- welcome tour

	const TOUR = {
		ask: { kind: 'partner', where: 'shared', text: '@Partnerbot how do I register a deal?' },
		deal: { kind: 'partner', where: 'shared',
			text: '@Partnerbot register Initech, initech.com, 40 seats of Analytics Suite, about $120k, closing next month' },
		approve: { kind: 'manager', where: 'alerts' },
		scorecard: { kind: 'partner', where: 'shared', text: '/partner scorecard' },
		survey: { kind: 'admin', where: 'dm', text: '/partner survey' },
		home: { where: HOME },
	};

	function tryTour(name) {
		const step = TOUR[name];
		if (!step) return;
		if (step.kind && me()?.kind !== step.kind) {
			const user = state.session.users.find((u) => u.kind === step.kind);
			if (user) setIdentity(user.id);
		}
		const channel = state.session.channels.find((c) => c.kind === step.where && isVisible(c.id));
		navigate(step.where === HOME ? HOME : channel?.id || me()?.dmChannel);
		if (step.text) {
			const input = $('#composer-input');
			input.value = step.text;
			autosize(input);
			input.focus();
		}
	}

	function showWelcome(show) {
		$('#welcome').hidden = !show;
		if (!show) localStorage.setItem(STORE_WELCOME, '1');
	}

	// ---------------------------------------------------------------- the feed

	function applyMessage(entry) {
		const id = key(entry.channel, entry.ts);
		const isNew = !state.messages.has(id);
		state.messages.set(id, entry);
		if (!state.loaded || !isNew || !isTopLevel(entry)) return;
		for (const viewer of viewersOf(entry.channel)) {
			const looking = viewer === state.identity && entry.channel === state.current;
			if (viewer !== entry.user && !looking) unreadSet(viewer).add(entry.channel);
		}
		markDirty('sidebar');
	}

	function touchesChannel(channelId) {
		if (channelId === state.current) markDirty('main');
		if (state.thread && channelId === state.thread.channel) markDirty('thread');
	}

	function applyEntry(entry) {
		switch (entry.type) {
			case 'message':
				// the bot's reply in a thread clears its status there, as in Slack
				if (entry.bot && entry.threadTs) state.statuses.delete(key(entry.channel, entry.threadTs));
				applyMessage(entry);
				return touchesChannel(entry.channel);
			case 'status':
				if (entry.text) state.statuses.set(key(entry.channel, entry.threadTs), entry.text);
				else state.statuses.delete(key(entry.channel, entry.threadTs));
				return touchesChannel(entry.channel);
			case 'ephemeral':
				state.ephemerals.set(ephemeralKey(entry), entry);
				return entry.forUser === state.identity ? touchesChannel(entry.channel) : undefined;
			case 'delete':
				state.messages.delete(key(entry.channel, entry.ts));
				return touchesChannel(entry.channel);
			case 'view':
				state.views.set(entry.viewId, entry);
				if (entry.state === 'closed') state.drafts.delete(entry.viewId);
				return entry.forUser === state.identity ? markDirty('modal') : undefined;
			case 'home':
				state.homes.set(entry.forUser, entry.view || {});
				return entry.forUser === state.identity && state.current === HOME ? markDirty('main') : undefined;
			case 'api':
				return logApiCall(entry);
			default:
				return undefined;
		}
	}

	function logApiCall(entry) {
		const at = entry.at ? new Date(entry.at) : null;
		const row = h('div', { class: `api-call ${entry.ok ? 'ok' : 'failed'}`, dataset: { method: entry.method, channel: entry.channel || '' } },
			h('span', { class: 'api-time' }, at && !isNaN(at) ? at.toLocaleTimeString() : ''),
			h('span', { class: 'api-method' }, entry.method || '?'),
			h('span', { class: 'api-channel' }, entry.channel ? channelTitle(entry.channel) : ''),
			h('span', { class: 'api-status' }, entry.ok ? 'ok' : `error: ${entry.error || 'unknown'}`));
		const log = $('#api-log');
		log.prepend(row);
		while (log.children.length > API_LOG_LIMIT) log.lastElementChild.remove();
		state.apiCount++;
		$('#api-count').textContent = String(state.apiCount);
	}

	function resetFeed() {
		for (const store of [state.messages, state.ephemerals, state.views, state.hiddenViews, state.drafts, state.homes, state.statuses]) store.clear();
		state.seq = 0;
		state.loaded = false;
		state.apiCount = 0;
		$('#api-log').replaceChildren();
		markDirty();
	}

	function ingest(data) {
		// a lower sequence than ours means the server restarted: start over from its history
		if (typeof data.seq === 'number' && data.seq < state.seq) {
			resetFeed();
			return false;
		}
		const entries = (data.entries || []).slice().sort((a, b) => a.seq - b.seq);
		for (const entry of entries) {
			state.seq = Math.max(state.seq, Number(entry.seq) || 0);
			try {
				applyEntry(entry);
			} catch (error) {
				console.error('could not apply feed entry', entry, error);
			}
		}
		if (!state.loaded) markDirty();
		state.loaded = true;
		try {
			render();
		} catch (error) {
			console.error('could not render the feed', error);
		}
		return true;
	}

	async function poll() {
		let delay = POLL_MS;
		try {
			const response = await fetch(`/sandbox/feed?after=${state.seq}`, { cache: 'no-store' });
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			const data = await response.json();
			$('#banner').hidden = true;
			if (!ingest(data)) delay = 0;
			if (state.loaded && !window.sandbox?.ready) window.sandbox = { ready: true };
		} catch (error) {
			$('#banner').textContent = 'Reconnecting…';
			$('#banner').hidden = false;
			delay = RETRY_MS;
		}
		setTimeout(poll, delay);
	}

	// ---------------------------------------------------------------- start-up

	async function loadSession() {
		for (;;) {
			try {
				const response = await fetch('/sandbox/session', { cache: 'no-store' });
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				return await response.json();
			} catch (error) {
				$('#banner').textContent = 'Reconnecting…';
				$('#banner').hidden = false;
				await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
			}
		}
	}

	function identityLabel(user) {
		return `${user.name} — ${user.teamName || state.session.workspace?.name || ''} (${user.kind})`;
	}

	function setUpSession(session) {
		session.users = session.users || [];
		session.channels = session.channels || [];
		state.session = session;
		for (const user of session.users) state.users.set(user.id, user);
		for (const channel of session.channels) state.channels.set(channel.id, channel);
		const workspace = session.workspace?.name || 'Slack';
		$('#workspace-name').textContent = workspace;
		$('#workspace-tile').textContent = initials(workspace).slice(0, 1);
		$('#search-label').textContent = `Search ${workspace}`;
		document.title = `${workspace} — Partnerbot sandbox`;
		$('#identity').replaceChildren(...session.users.map((user) => h('option', { value: user.id }, identityLabel(user))));
		const saved = localStorage.getItem(STORE_IDENTITY);
		const first = session.users.find((u) => u.kind === 'partner') || session.users[0];
		state.identity = state.users.has(saved) ? saved : first?.id;
		document.body.dataset.identity = state.identity || '';
		$('#identity').value = state.identity;
		if (me()) $('#identity').title = identityLabel(me());
		const channel = session.channels.find((c) => c.visibleTo?.includes(state.identity));
		state.current = channel?.id || me()?.dmChannel || HOME;
	}

	function wirePage() {
		document.addEventListener('click', onPageClick);
		document.addEventListener('change', onBlockChange);
		document.addEventListener('keydown', onBlockKeydown);
		document.addEventListener('keydown', (event) => {
			if (event.key === 'Escape' && !$('#modal').hidden) closeModal();
		});
		$('#identity').addEventListener('change', (event) => setIdentity(event.target.value));
		wireComposer($('#composer-input'), $('#composer-send'), sendComposer);
		wireComposer($('#thread-input'), $('#thread-send'), sendThreadReply);
		$('#thread-close').addEventListener('click', closeThread);
		keepAtBottom($('#messages'));
		keepAtBottom($('#thread-messages'));
		$('#modal-submit').addEventListener('click', submitModal);
		$('#modal-close').addEventListener('click', closeModal);
		$('#modal-x').addEventListener('click', closeModal);
		$('#welcome-dismiss').addEventListener('click', () => showWelcome(false));
		$('#welcome-done').addEventListener('click', () => showWelcome(false));
		$('#welcome-open').addEventListener('click', () => showWelcome($('#welcome').hidden));
		const drawer = $('#api-drawer');
		drawer.classList.toggle('collapsed', localStorage.getItem(STORE_DRAWER) === '1');
		$('#api-drawer-toggle').addEventListener('click', () => {
			drawer.classList.toggle('collapsed');
			localStorage.setItem(STORE_DRAWER, drawer.classList.contains('collapsed') ? '1' : '0');
		});
	}

	async function start() {
		wirePage();
		showWelcome(localStorage.getItem(STORE_WELCOME) !== '1');
		setUpSession(await loadSession());
		$('#banner').hidden = true;
		if (state.current === HOME) post('/sandbox/home', { user: state.identity });
		render();
		poll();
	}

	start();
})();
