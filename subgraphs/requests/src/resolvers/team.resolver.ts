import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Connection, MutationPayload, PageArgs, succeeded, Caller, type Identity } from '@nuage/platform';
import { Role } from '@nuage/contracts';
import { BeneficiaryEntity, Person, Project, Team } from '../entities/index.js';
import {
  activateAccount,
  assertMayReadTeam,
  deactivatePerson,
  invitationOf,
  invitePerson,
  saveTeam,
  updateEntityProfile,
} from '../services/people.js';
import type { Context } from '../loaders.js';
import { listProjects } from '../services/requests.js';

const EntityPayload = MutationPayload(BeneficiaryEntity, 'BeneficiaryEntityPayload', 'entity', 'beneficiary entity');
const TeamPayload = MutationPayload(Team, 'TeamPayload', 'team', 'team');
const PersonPayload = MutationPayload(Person, 'PersonPayload', 'person', 'person');
const ProjectConnection = Connection(Project, 'Project', 'project');

@InputType({ description: 'Changes to the "Fiche bénéficiaire"; only the fields given change.' })
class EntityProfileInput {
  @Field(() => ID, { description: 'The entity.' })
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'Name.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'SIRET, 14 digits with a valid check digit.' })
  siret?: string;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  address?: string;

  @Field(() => String, { nullable: true, description: 'Chorus Pro service code.' })
  chorusServiceCode?: string;

  @Field(() => [String], { nullable: true, description: 'Other purchasing references.' })
  purchasingReferences?: string[];
}

@InputType({ description: 'A team and its members (replaces them).' })
class SaveTeamInput {
  @Field(() => ID, { description: 'The entity.' })
  entityId!: string;

  @Field(() => ID, { nullable: true, description: 'The team to change; a new team when left out.' })
  teamId?: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => [ID], { description: 'Its members, people of the entity.' })
  memberIds!: string[];
}

@InputType({ description: 'Someone to invite to the entity.' })
class InvitePersonInput {
  @Field(() => ID, { description: 'The entity.' })
  entityId!: string;

  @Field(() => String, { description: 'Email address (the login).' })
  email!: string;

  @Field(() => String, { description: 'First name.' })
  firstName!: string;

  @Field(() => String, { description: 'Last name.' })
  lastName!: string;

  @Field(() => Role, { description: 'BENEFICIARY or MANAGER.' })
  role!: Role;
}

@InputType({ description: 'Account activation from the emailed link.' })
class ActivateAccountInput {
  @Field(() => String, { description: 'The token of the emailed link.' })
  token!: string;

  @Field(() => String, { description: 'The new password (12 characters at least).' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string;

  @Field(() => String, { nullable: true, description: 'First name, if the invitation spelled it wrong.' })
  firstName?: string;

  @Field(() => String, { nullable: true, description: 'Last name, if the invitation spelled it wrong.' })
  lastName?: string;
}

@ObjectType({ description: 'What an invitation link shows before activation: the profile to check.' })
class InvitationView {
  @Field(() => String, { description: 'First name.' })
  firstName!: string;

  @Field(() => String, { description: 'Last name.' })
  lastName!: string;

  @Field(() => String, { description: 'Email (the login).' })
  email!: string;

  @Field(() => Role, { description: 'Role.' })
  role!: Role;

  @Field(() => String, { description: 'The entity.' })
  entityName!: string;

  @Field(() => String, { description: "The entity's SIRET." })
  entitySiret!: string;

  @Field(() => Date, { description: 'Until when the link works.' })
  expiresAt!: Date;
}

/** An entity's accounts, at most: a team page, not a directory (teams and search narrow it down). */
const PEOPLE_CAP = 500;

@Resolver(() => BeneficiaryEntity)
export class TeamResolver {
  @FieldResolver(() => [Person], {
    nullable: true,
    description: `"Mon équipe": the people of the entity, by name, the first ${PEOPLE_CAP} (its own people and market-wide staff only; null with FORBIDDEN for others).`,
  })
  async people(@Root() entity: BeneficiaryEntity, @Ctx() context: Context, @Caller() caller: Identity) {
    assertMayReadTeam(caller, entity.id);
    return (await context.loaders.peopleByEntity.load(entity.id)).slice(0, PEOPLE_CAP);
  }

  @FieldResolver(() => [Team], {
    nullable: true,
    description: 'Its teams (its own people and market-wide staff only; null with FORBIDDEN for others).',
  })
  async teams(@Root() entity: BeneficiaryEntity, @Ctx() context: Context, @Caller() caller: Identity) {
    assertMayReadTeam(caller, entity.id);
    return context.loaders.teamsByEntity.load(entity.id);
  }

  @Query(() => ProjectConnection, {
    description:
      "Projects in code-name order: a buyer's entity's; for others, the projects of the requests they may read (never one that exists only in a draft), of one entity when `entityId` is given.",
  })
  projects(
    @Arg('entityId', () => ID, { nullable: true, description: "Only this entity's projects." }) entityId:
      | string
      | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return listProjects(context.em, caller, entityId, page);
  }

  @Mutation(() => EntityPayload, {
    description: 'Updates the "Fiche bénéficiaire" (managers of the entity, market holder).',
  })
  updateEntityProfile(
    @Arg('input', () => EntityProfileInput, { description: 'What changes.' }) input: EntityProfileInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    const { entityId, ...changes } = input;
    return updateEntityProfile(context.em, caller, entityId, changes).then(succeeded);
  }

  @Mutation(() => TeamPayload, { description: 'Creates or changes a team of the entity.' })
  saveTeam(
    @Arg('input', () => SaveTeamInput, { description: 'The team.' }) input: SaveTeamInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return saveTeam(context.em, caller, input).then(succeeded);
  }

  @Mutation(() => PersonPayload, {
    description: 'Invites someone to the entity: an email with an activation link (valid 7 days) is sent.',
  })
  invitePerson(
    @Arg('input', () => InvitePersonInput, { description: 'Who.' }) input: InvitePersonInput,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return invitePerson(context.em, caller, input, context.activationUrl).then(succeeded);
  }

  @Mutation(() => PersonPayload, {
    description:
      "Deactivates an account: its tokens stop working. The entity's managers for its people, the market holder for suppliers' staff.",
  })
  deactivatePerson(
    @Arg('personId', () => ID, { description: 'The person.' }) personId: string,
    @Ctx() context: Context,
    @Caller() caller: Identity,
  ) {
    return deactivatePerson(context.em, caller, personId).then(succeeded);
  }

  @Query(() => InvitationView, {
    description: 'The profile behind an invitation link, to check before activating (no token needed).',
  })
  async invitation(
    @Arg('token', () => String, { description: 'The token of the emailed link.' }) token: string,
    @Ctx() context: Context,
  ): Promise<InvitationView> {
    const person = await invitationOf(context.em, token);
    return {
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      role: person.role,
      entityName: person.entity!.name,
      entitySiret: person.entity!.siret,
      expiresAt: person.activationExpiresAt!,
    };
  }

  @Mutation(() => PersonPayload, {
    description: 'Activates an invited account and sets its password (no token needed: the link is the proof).',
  })
  activateAccount(
    @Arg('input', () => ActivateAccountInput, { description: 'The token and the password.' })
    input: ActivateAccountInput,
    @Ctx() context: Context,
  ) {
    return activateAccount(context.em, input).then(succeeded);
  }
}

@Resolver(() => Team)
export class TeamMembersResolver {
  @FieldResolver(() => [Person], { description: 'Its members.' })
  async members(@Root() team: Team) {
    await team.members.init();
    return team.members.getItems();
  }
}
