/** The `/booking` admin command's definition (Manage Server). Handlers: booking-admin.ts. */
import { ChannelType, PermissionFlagsBits, SlashCommandBuilder, type SlashCommandSubcommandBuilder } from 'discord.js';
import { z } from 'zod';
import { choice, describe } from '../describe.ts';

const MAX_SEATS = 1000;

/** Day sets for `/booking hours`. */
export const DAY_SETS = {
  every: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekends: [0, 6],
  sun: [0],
  mon: [1],
  tue: [2],
  wed: [3],
  thu: [4],
  fri: [5],
  sat: [6],
} as const;
/** A named set of weekdays. */
export type DaySet = keyof typeof DAY_SETS;
/** Checks the `days` option. */
export const daySetSchema = z.enum(Object.keys(DAY_SETS) as [DaySet, ...DaySet[]]);

const resourceOption = (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) => describe(o.setName('resource').setRequired(true).setAutocomplete(true), 'cmd.book.resource'));

/** The numeric settings shared by `resource add` and `resource edit`. */
function settings(s: SlashCommandSubcommandBuilder, required: boolean): SlashCommandSubcommandBuilder {
  return s
    .addIntegerOption((o) => describe(o.setName('capacity').setRequired(required).setMinValue(1).setMaxValue(MAX_SEATS), 'opt.capacity'))
    .addIntegerOption((o) => describe(o.setName('slot-minutes').setRequired(required).setMinValue(5).setMaxValue(1440), 'opt.slot_minutes'))
    .addIntegerOption((o) => describe(o.setName('buffer-minutes').setMinValue(0).setMaxValue(720), 'opt.buffer_minutes'))
    .addIntegerOption((o) => describe(o.setName('horizon-days').setMinValue(1).setMaxValue(366), 'opt.horizon_days'))
    .addIntegerOption((o) => describe(o.setName('cutoff-minutes').setMinValue(0).setMaxValue(10_080), 'opt.cutoff_minutes'))
    .addIntegerOption((o) => describe(o.setName('max-per-member').setMinValue(1).setMaxValue(50), 'opt.max_per_member'));
}

/** The `/booking` command's definition. */
export function bookingAdminData(): SlashCommandBuilder {
  const command = describe(new SlashCommandBuilder().setName('booking'), 'cmd.booking')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(0);
  command.addSubcommandGroup((g) =>
    describe(g.setName('resource'), 'cmd.booking.resource')
      .addSubcommand((s) =>
        settings(
          describe(s.setName('add'), 'cmd.booking.resource.add').addStringOption((o) =>
            describe(o.setName('name').setRequired(true).setMaxLength(50), 'opt.name'),
          ),
          true,
        ).addStringOption((o) => describe(o.setName('hours').setMaxLength(100), 'opt.hours')),
      )
      .addSubcommand((s) =>
        settings(resourceOption(describe(s.setName('edit'), 'cmd.booking.resource.edit')), false).addStringOption((o) =>
          describe(o.setName('new-name').setMaxLength(50), 'opt.new_name'),
        ),
      )
      .addSubcommand((s) => resourceOption(describe(s.setName('remove'), 'cmd.booking.resource.remove')))
      .addSubcommand((s) => describe(s.setName('list'), 'cmd.booking.resource.list')),
  );
  command.addSubcommand((s) =>
    resourceOption(describe(s.setName('hours'), 'cmd.booking.hours'))
      .addStringOption((o) =>
        describe(o.setName('days').setRequired(true), 'opt.days').addChoices(
          ...Object.keys(DAY_SETS).map((key) => ({ name: key, value: key })),
        ),
      )
      .addStringOption((o) => describe(o.setName('hours').setRequired(true).setMaxLength(100), 'opt.hours')),
  );
  command.addSubcommandGroup((g) =>
    describe(g.setName('exception'), 'cmd.booking.exception')
      .addSubcommand((s) =>
        resourceOption(describe(s.setName('closed'), 'cmd.booking.exception.closed')).addStringOption((o) =>
          describe(o.setName('date').setRequired(true), 'opt.date'),
        ),
      )
      .addSubcommand((s) =>
        resourceOption(describe(s.setName('extra'), 'cmd.booking.exception.extra'))
          .addStringOption((o) => describe(o.setName('date').setRequired(true), 'opt.date'))
          .addStringOption((o) => describe(o.setName('time').setRequired(true), 'opt.time')),
      )
      .addSubcommand((s) =>
        resourceOption(describe(s.setName('remove'), 'cmd.booking.exception.remove')).addStringOption((o) =>
          describe(o.setName('date').setRequired(true), 'opt.date'),
        ),
      ),
  );
  command.addSubcommand((s) =>
    describe(s.setName('timezone'), 'cmd.booking.timezone')
      .addStringOption((o) => describe(o.setName('zone').setRequired(true).setAutocomplete(true), 'opt.zone'))
      .addStringOption((o) =>
        describe(o.setName('date-order'), 'opt.date_order').addChoices(
          choice('choice.month_first', 'month-first'),
          choice('choice.day_first', 'day-first'),
        ),
      ),
  );
  command.addSubcommand((s) =>
    resourceOption(describe(s.setName('panel'), 'cmd.booking.panel')).addChannelOption((o) =>
      describe(o.setName('channel').addChannelTypes(ChannelType.GuildText), 'opt.channel'),
    ),
  );
  command.addSubcommand((s) =>
    describe(s.setName('list'), 'cmd.booking.list')
      .addStringOption((o) => describe(o.setName('date'), 'opt.date'))
      .addStringOption((o) => describe(o.setName('resource').setAutocomplete(true), 'cmd.book.resource')),
  );
  command.addSubcommand((s) =>
    describe(s.setName('export'), 'cmd.booking.export')
      .addStringOption((o) =>
        describe(o.setName('format').setRequired(true), 'opt.format').addChoices(
          { name: 'CSV', value: 'csv' },
          { name: 'iCalendar (.ics)', value: 'ics' },
        ),
      )
      .addStringOption((o) => describe(o.setName('resource').setAutocomplete(true), 'cmd.book.resource'))
      .addStringOption((o) => describe(o.setName('from'), 'opt.from'))
      .addStringOption((o) => describe(o.setName('to'), 'opt.to')),
  );
  command.addSubcommand((s) =>
    describe(s.setName('cancel'), 'cmd.booking.cancel')
      .addStringOption((o) => describe(o.setName('booking').setRequired(true).setAutocomplete(true), 'opt.booking'))
      .addStringOption((o) => describe(o.setName('reason').setMaxLength(300), 'opt.reason')),
  );
  return command;
}
