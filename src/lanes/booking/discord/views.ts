/**
 * What the booking lane shows on Discord, as discord.js builders: confirmation cards, refusals with alternatives,
 * the panel, time buttons, the booking form, lists and offers.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { SlotWithFree } from '../actions/availability.ts';
import type { Prepared } from '../actions/prepare.ts';
import type { OwnedBooking } from '../actions/text.ts';
import type { Translate } from '../locale.ts';
import type { Booking, Resource } from '../model.ts';
import { cardContent, problemText, suggestionsText, type TimeFormat } from '../present.ts';
import type { LocalDate } from '../time/civil.ts';
import { customId } from './custom-ids.ts';
import { BUTTONS_PER_ROW, clip, FIELD_CHARS, LABEL_CHARS, MENU_OPTIONS, ROWS_PER_MESSAGE } from './limits.ts';

/** A message body: content, embeds and component rows. */
export interface View {
  content?: string;
  embeds: EmbedBuilder[];
  components: ActionRowBuilder<ButtonBuilder | StringSelectMenuBuilder>[];
}

const button = (id: string, label: string, style: ButtonStyle = ButtonStyle.Secondary) =>
  new ButtonBuilder().setCustomId(id).setLabel(clip(label, LABEL_CHARS)).setStyle(style);

/** Buttons in rows of five, at most `maxRows` rows. */
export function rowsOf(buttons: readonly ButtonBuilder[], maxRows = ROWS_PER_MESSAGE): ActionRowBuilder<ButtonBuilder>[] {
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  for (let i = 0; i < buttons.length && rows.length < maxRows; i += BUTTONS_PER_ROW)
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + BUTTONS_PER_ROW)));
  return rows;
}

/** The confirmation card of a draft, or the refusal with nearby free times and (for a full slot) the waitlist. */
export function preparedView(t: Translate, format: TimeFormat, prepared: Prepared): View {
  if (!prepared.ok) {
    const lines = [problemText(t, prepared.problem)];
    const request = prepared.request;
    const buttons = request
      ? prepared.suggestions.map((s) => button(customId({ action: 'alt', draftId: request.id, start: s.start }), s.time))
      : [];
    if (buttons.length) lines.push(suggestionsText(t, format, prepared.suggestions));
    if (prepared.full && request?.kind === 'book')
      buttons.push(button(customId({ action: 'waitlist', draftId: request.id }), t('button.waitlist'), ButtonStyle.Primary));
    return { content: lines.join('\n'), embeds: [], components: rowsOf(buttons) };
  }
  const card = cardContent(t, format, prepared.draft, prepared.resource);
  const embed = new EmbedBuilder()
    .setTitle(card.title)
    .addFields(card.fields.map(([name, value]) => ({ name, value: clip(value, FIELD_CHARS), inline: true })));
  if (card.footer) embed.setFooter({ text: card.footer });
  const confirmStyle = prepared.draft.kind === 'cancel' ? ButtonStyle.Danger : ButtonStyle.Success;
  const buttons = [
    button(customId({ action: 'confirm', draftId: prepared.draft.id }), t('button.confirm'), confirmStyle),
    button(
      customId({ action: 'discard', draftId: prepared.draft.id }),
      t(prepared.draft.kind === 'cancel' ? 'button.keep' : 'button.cancel'),
    ),
  ];
  return { embeds: [embed], components: rowsOf(buttons) };
}

/** A day menu (the panel's, or a change's): the next bookable days with their free places. */
export function dayMenu(
  t: Translate,
  format: TimeFormat,
  id: string,
  days: readonly { date: LocalDate; free: number }[],
): ActionRowBuilder<StringSelectMenuBuilder> {
  const menu = new StringSelectMenuBuilder()
    .setCustomId(id)
    .setPlaceholder(t('panel.pick_day'))
    .addOptions(
      days.slice(0, MENU_OPTIONS).map((day) => ({
        label: clip(format.date(day.date), LABEL_CHARS),
        value: day.date,
        description: clip(day.free > 0 ? t('panel.day_option', { free: day.free }) : t('panel.day_full'), LABEL_CHARS),
      })),
    );
  return new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu);
}

/** The message of a booking panel. */
export function panelView(t: Translate, format: TimeFormat, resource: Resource, days: readonly { date: LocalDate; free: number }[]): View {
  const embed = new EmbedBuilder()
    .setTitle(t('panel.title', { resource: resource.name }))
    .setDescription(t('panel.body', { capacity: resource.capacity, minutes: resource.slotMinutes }));
  if (days.length === 0) return { embeds: [embed.setFooter({ text: t('panel.no_days') })], components: [] };
  return { embeds: [embed], components: [dayMenu(t, format, customId({ action: 'day', resourceId: resource.id }), days)] };
}

/** Time buttons for a day; `idOf` makes each button's id (a booking's or a change's). Full slots stay, for the waitlist. */
export function timesView(
  t: Translate,
  resource: Resource,
  date: string,
  all: readonly SlotWithFree[],
  idOf: (slot: SlotWithFree) => string,
): View {
  // A message holds 25 buttons: with more slots than that, full ones make way for free ones, and the member is told.
  const room = BUTTONS_PER_ROW * ROWS_PER_MESSAGE;
  const slots = all.length > room ? all.filter((slot) => slot.free > 0).slice(0, room) : all;
  const free = all.filter((slot) => slot.free > 0).length;
  const more = free > slots.filter((slot) => slot.free > 0).length ? `\n${t('panel.more_times', { shown: slots.length })}` : '';
  const buttons = slots.map((slot) =>
    button(
      idOf(slot),
      slot.free > 0 ? t('button.free', { time: slot.time, free: slot.free }) : t('button.full', { time: slot.time }),
      slot.free > 0 ? ButtonStyle.Primary : ButtonStyle.Secondary,
    ),
  );
  return { content: t('panel.pick_time', { resource: resource.name, date }) + more, embeds: [], components: rowsOf(buttons) };
}

/** The booking form of a slot: party size, name, note. */
export function bookingForm(t: Translate, resource: Resource, start: number, time: string, displayName: string): ModalBuilder {
  const input = (id: string, style: TextInputStyle, required: boolean, max: number) =>
    new TextInputBuilder().setCustomId(id).setStyle(style).setRequired(required).setMaxLength(max);
  return new ModalBuilder()
    .setCustomId(customId({ action: 'form', resourceId: resource.id, start }))
    .setTitle(clip(t('modal.title', { time }), 45))
    .addLabelComponents(
      new LabelBuilder().setLabel(t('modal.party')).setTextInputComponent(input('party', TextInputStyle.Short, true, 4).setValue('1')),
      new LabelBuilder()
        .setLabel(t('modal.name'))
        .setTextInputComponent(input('name', TextInputStyle.Short, true, 100).setValue(clip(displayName, 100))),
      new LabelBuilder().setLabel(t('modal.note')).setTextInputComponent(input('note', TextInputStyle.Paragraph, false, 500)),
    );
}

/** A booked or moved booking's answer (`text`), with Change and Cancel for it, so a member need not look it up again. */
export function bookedView(t: Translate, text: string, ref: { resourceId: string; bookingId: string }): View {
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    button(customId({ action: 'change', ...ref }), t('button.change')),
    button(customId({ action: 'cancel', ...ref }), t('button.cancel'), ButtonStyle.Danger),
  );
  return { content: text, embeds: [], components: [row] };
}

/** A member's upcoming bookings, each with Change and Cancel (one row per booking, so at most five). */
export function myBookingsView(t: Translate, format: TimeFormat, owned: readonly OwnedBooking[], lines: readonly string[]): View {
  if (owned.length === 0) return { content: t('refused.no_bookings'), embeds: [], components: [] };
  const shown = owned.slice(0, ROWS_PER_MESSAGE);
  const more = owned.length - shown.length;
  const content = [t('list.mine.title'), ...lines.slice(0, shown.length), ...(more > 0 ? [t('list.more', { count: more })] : [])].join(
    '\n',
  );
  const components = shown.map(({ booking, resource }, i) => {
    const ref = { resourceId: resource.id, bookingId: booking.id };
    const row = [button(customId({ action: 'cancel', ...ref }), `${i + 1}. ${t('button.cancel')}`, ButtonStyle.Danger)];
    if (booking.status === 'confirmed') row.unshift(button(customId({ action: 'change', ...ref }), `${i + 1}. ${t('button.change')}`));
    else row.unshift(button(customId({ action: 'accept', ...ref }), `${i + 1}. ${t('button.accept')}`, ButtonStyle.Success));
    return new ActionRowBuilder<ButtonBuilder>().addComponents(row);
  });
  return { content, embeds: [], components };
}

/** "Which booking?" for a change or cancellation asked in plain text. */
export function chooseView(t: Translate, owned: readonly OwnedBooking[], lines: readonly string[]): View {
  const buttons = owned
    .slice(0, MENU_OPTIONS)
    .map(({ booking, resource }, i) => button(customId({ action: 'pick', resourceId: resource.id, bookingId: booking.id }), String(i + 1)));
  return { content: [t('ask.which_booking'), ...lines.slice(0, buttons.length)].join('\n'), embeds: [], components: rowsOf(buttons) };
}

/** The buttons of a waitlist offer. */
export function offerButtons(t: Translate, booking: Booking): ActionRowBuilder<ButtonBuilder>[] {
  const ref = { resourceId: booking.resourceId, bookingId: booking.id };
  return rowsOf([
    button(customId({ action: 'accept', ...ref }), t('button.accept'), ButtonStyle.Success),
    button(customId({ action: 'decline', ...ref }), t('button.decline')),
  ]);
}
