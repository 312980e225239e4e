import type { CommandGroup } from '../command';
import { aftersaleCommands } from './aftersales';
import { backupCommands } from './backup';
import { campaignCommands } from './campaigns';
import { dbCommands } from './db';
import { healthCommands } from './health';
import { importCommands } from './import';
import { influencerCommands, sampleCommands } from './influencers';
import { moneyCommands } from './money';
import { orderCommands } from './orders';
import { productCommands } from './products';
import { purchaseCommands } from './purchases';
import { reminderCommands } from './reminders';
import { reportCommands } from './report';
import { routineCommands } from './routine';
import { supplierCommands } from './suppliers';
import { todayCommands } from './today';

/**
 * Every command group the CLI knows, in help order. A new group is one file in this folder
 * exporting a CommandGroup, plus one line here.
 */
export const COMMAND_GROUPS: readonly CommandGroup[] = [dbCommands, backupCommands, importCommands, reportCommands, todayCommands, orderCommands, routineCommands, reminderCommands, productCommands, supplierCommands, purchaseCommands, aftersaleCommands, moneyCommands, campaignCommands, influencerCommands, sampleCommands, healthCommands];
