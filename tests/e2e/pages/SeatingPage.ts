import { expect, type Locator, type Page } from '@playwright/test';

/** The seating plan (`#/class/<id>/seating`), in Dutch (the e2e locale is nl-NL). */
export class SeatingPage {
  constructor(readonly page: Page) {}

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/seating`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Plattegrond/ });
  }

  /** The classroom grid (front row at the top). */
  get plan(): Locator {
    return this.page.getByRole('group', { name: 'Plattegrond, voorste rij bovenaan' });
  }

  /** The live region that announces selections and moves. */
  get status(): Locator {
    return this.page.getByRole('main').getByRole('status');
  }

  /** A pupil's tile; its accessible name is "<name>, rij <r>, plek <s>". */
  pupil(name: string): Locator {
    return this.page.getByRole('main').getByRole('button', { name: new RegExp(`^${name}, `) });
  }

  /** Whatever sits at a seat (a pupil or an empty seat), counted from 1 like the app does. */
  seat(row: number, seat: number): Locator {
    return this.plan.getByRole('button', { name: new RegExp(`rij ${row}, plek ${seat}$`) });
  }

  emptySeat(row: number, seat: number): Locator {
    return this.plan.getByRole('button', { name: `Lege plek, rij ${row}, plek ${seat}` });
  }

  /** Asserts where a pupil sits. */
  async expectAt(name: string, row: number, seat: number): Promise<void> {
    await expect(this.pupil(name)).toHaveAccessibleName(`${name}, rij ${row}, plek ${seat}`);
  }

  /** The phone way: tap the pupil, then tap the target seat. */
  async movePupil(name: string, row: number, seat: number): Promise<void> {
    await this.pupil(name).click();
    await expect(this.pupil(name)).toHaveAttribute('aria-pressed', 'true');
    await this.seat(row, seat).click();
    await expect(this.status).toContainText(`${name} verplaatst naar rij ${row}, plek ${seat}.`);
  }

  stepper(name: 'Minder rijen' | 'Meer rijen' | 'Minder kolommen' | 'Meer kolommen'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The number shown between a stepper's buttons ("Rijen" or "Kolommen"). */
  stepperValue(label: 'Rijen' | 'Kolommen'): Locator {
    return this.page.getByRole('group', { name: label, exact: true }).locator('.stepper-value');
  }
}
